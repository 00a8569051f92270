package com.retail.recon.desk;

import com.retail.recon.notify.Dispatcher;
import com.retail.recon.notify.NotifyProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running desk ({@code recon serve}) sends what is pending every {@code recon.notify.retry.interval}, each
 * delivery when its next try is due (a receiver that keeps failing is tried less and less often, at most
 * hourly), so a receiver that was down in the night gets its events without waiting for the next run. In the
 * desk's package: only {@code serve} sends (a worker is a web application too, for its management port).
 */
@Component
class DeskSending implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeskSending.class);

    private final Dispatcher dispatcher;
    private final Duration interval;
    private ScheduledExecutorService executor;

    DeskSending(Dispatcher dispatcher, NotifyProperties properties) {
        this.dispatcher = dispatcher;
        this.interval = properties.retry().interval();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "recon-notify");
            thread.setDaemon(true);
            return thread;
        });
        long first = Math.min(interval.toMillis(), 10_000);
        executor.scheduleWithFixedDelay(this::sendDue, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendDue() {
        try {
            Dispatcher.Pass pass = dispatcher.sendDue();
            if (pass.delivered() > 0) {
                log.info("notifications: {} delivered, {} pending, {} failed", pass.delivered(), pass.pendingTotal(),
                        pass.failedTotal());
            }
        } catch (RuntimeException e) {
            log.warn("notifications not sent this time: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
