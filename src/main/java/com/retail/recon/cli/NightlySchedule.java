package com.retail.recon.cli;

import com.retail.recon.run.NightlyService;
import com.retail.recon.system.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The nightly schedule of {@code recon schedule} and {@code recon serve --schedule}: at every tick of a cron
 * expression (in the policy's zone), every inbox date not yet completed up to the day before the tick, in order,
 * each under its date's lock (NightlyService), stopping at the first date that does not succeed until the next
 * tick.
 */
final class NightlySchedule {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    static final String DAILY = "0 30 2 * * *";

    private final CronExpression expression;
    private final ConfigurableApplicationContext store;
    private final NightlyService service;
    private final ReconProperties properties;
    private final boolean allowMissing;
    private final boolean timings;

    private volatile boolean stopping;
    private volatile Thread sleeper;

    NightlySchedule(CronExpression expression, ConfigurableApplicationContext store, boolean allowMissing,
                    boolean timings) {
        this.expression = expression;
        this.store = store;
        this.service = store.getBean(NightlyService.class);
        this.properties = store.getBean(ReconProperties.class);
        this.allowMissing = allowMissing;
        this.timings = timings;
    }

    /** The expression, or exit 2 naming the option. */
    static CronExpression parse(String cron, CommandSpec spec) {
        try {
            return CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cron '" + cron + "': " + e.getMessage());
        }
    }

    /** Runs {@code ticks} ticks (0: until {@link #stop()}); the exit code of the last tick's last date. */
    int run(int ticks) throws InterruptedException {
        int exit = NightlyService.OK;
        for (int tick = 1; (ticks == 0 || tick <= ticks) && !stopping; tick++) {
            ZonedDateTime next = expression.next(ZonedDateTime.now(properties.policy().zone()));
            System.out.println("next run at " + next);
            sleeper = Thread.currentThread();
            try {
                Thread.sleep(Math.max(0, Duration.between(ZonedDateTime.now(next.getZone()), next).toMillis()));
            } catch (InterruptedException e) {
                if (stopping) {
                    break;
                }
                throw e;
            } finally {
                sleeper = null;
            }
            if (stopping) {
                break;
            }
            exit = catchUp(next.toLocalDate().minusDays(1));
        }
        return exit;
    }

    /** As {@link #run(int)} forever, for the desk: a tick that fails is logged and the next one tries again. */
    void runLogged() {
        while (!stopping) {
            try {
                run(0);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                log.error("the scheduled run failed: {} (the next tick tries again)", Messages.rootMessage(e));
            }
        }
    }

    /**
     * Stops the schedule: a wait for the next tick ends at once; a date being run is finished first (its lock
     * and transactions end as in a normal run), then no further date starts.
     */
    void stop() {
        stopping = true;
        Thread waiting = sleeper;
        if (waiting != null) {
            waiting.interrupt();
        }
    }

    private int catchUp(LocalDate through) {
        List<LocalDate> dates = service.catchUpDates(through, properties.inbox());
        if (dates.isEmpty()) {
            System.out.println("Nothing to do: every inbox date up to " + through + " has completed.");
        }
        int exit = NightlyService.OK;
        RunEnd end = new RunEnd(store);
        for (LocalDate date : dates) {
            if (stopping) {
                break;
            }
            exit = end.finish("run", date, service.run(date, properties.inbox(), properties.archive(), allowMissing),
                    timings);
            if (exit != NightlyService.OK) {
                break;
            }
        }
        return exit;
    }
}
