package com.retail.recon.cli;

import com.retail.recon.desk.DeskAutoConfigurationFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Spring Boot's background pre-initialization for the commands that are no web application: the same as Boot's
 * own listener (a thread warms up what start-up will need, and the application is ready only when it is done)
 * without the web starters' pre-initializers. Those (Tomcat, Jackson, the HTTP message converters) load about
 * 700 classes that only {@code recon serve} uses, and start-up waits for them: on two cores that was a
 * measurable part of a {@code recon status}.
 */
final class Preinitialization implements ApplicationListener<SpringApplicationEvent> {

    private static final String BOOTS_OWN =
            "org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializingApplicationListener";

    private static final AtomicBoolean started = new AtomicBoolean();
    private static final CountDownLatch complete = new CountDownLatch(1);

    private Preinitialization() {
    }

    /** Puts this listener in the place of Boot's own. */
    static void withoutWeb(SpringApplication application) {
        Set<ApplicationListener<?>> listeners = new LinkedHashSet<>(application.getListeners());
        if (listeners.removeIf(listener -> listener.getClass().getName().equals(BOOTS_OWN))) {
            listeners.add(new Preinitialization());
            application.setListeners(listeners);
        }
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (Boolean.getBoolean("spring.backgroundpreinitializer.ignore")
                || Runtime.getRuntime().availableProcessors() <= 1) {
            return; // as Boot's: not on one core
        }
        if (event instanceof ApplicationEnvironmentPreparedEvent && started.compareAndSet(false, true)) {
            List<BackgroundPreinitializer> preinitializers = SpringFactoriesLoader.forDefaultResourceLocation()
                    .load(BackgroundPreinitializer.class).stream()
                    .filter(p -> DeskAutoConfigurationFilter.WEB.stream().noneMatch(p.getClass().getName()::startsWith))
                    .toList();
            Thread thread = new Thread(() -> {
                try {
                    for (BackgroundPreinitializer preinitializer : preinitializers) {
                        try {
                            preinitializer.preinitialize();
                        } catch (Throwable ignored) {
                            // as Boot's: only a warm-up; whatever failed is done again when it is needed
                        }
                    }
                } finally {
                    complete.countDown();
                }
            }, "background-preinit");
            thread.setDaemon(true);
            thread.start();
        }
        if ((event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) && started.get()) {
            try {
                complete.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
