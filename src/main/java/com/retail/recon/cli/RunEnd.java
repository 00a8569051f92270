package com.retail.recon.cli;

import com.retail.recon.batch.StepObserver;
import com.retail.recon.notify.Dispatcher;
import com.retail.recon.notify.NotifyProperties;
import com.retail.recon.notify.RunNotices;
import com.retail.recon.run.NightlyService;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The end of each date a run, rerun, restart or schedule carried out: a date that did not complete is told
 * (run.failed), the outbox is sent, and the summary and run.json say what is still pending. All the sending of
 * one command shares one budget ({@code recon.notify.retry.budget}, 30 s): a receiver that is down costs the
 * night that much at most, and never its exit code.
 */
final class RunEnd {

    /** Where the crash tests kill a run: its outbox written, nothing sent yet. */
    static final String BEFORE_SENDING = "notify";

    private final RunNotices notices;
    private final Dispatcher dispatcher;
    private final StepObserver observer;
    private final Instant deadline;

    RunEnd(ConfigurableApplicationContext store) {
        this.notices = store.getBean(RunNotices.class);
        this.dispatcher = store.getBean(Dispatcher.class);
        this.observer = StepObserver.all(store.getBeanProvider(StepObserver.class).orderedStream().toList());
        this.deadline = Instant.now().plus(store.getBean(NotifyProperties.class).retry().budget());
    }

    /** Prints the date's result with the notifications' state; returns its exit code. */
    int finish(String command, LocalDate date, NightlyService.Result result, boolean timings) {
        if (result.exitCode() != NightlyService.OK && !result.anotherRunInProgress()) {
            notices.failed(date, command, result.exitCode(), result.message());
        }
        observer.reached(BEFORE_SENDING);
        Dispatcher.Pass pass = dispatcher.sendPending(deadline);
        NightlyService.noteNotifications(result, pass.pendingTotal(), pass.failedTotal());
        return Printer.print(result, pass, timings);
    }
}
