package com.retail.recon.cli;

import com.retail.recon.notify.Dispatcher;
import com.retail.recon.run.RunHistory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Recent runs of the nightly job, newest first: business date, attempt, state (COMPLETED, "
                + "FAILED, RUNNING, INTERRUPTED = its process died: restart it), rows read/accepted/rejected, "
                + "requests reported, duration and bundle path; then how many notifications are not delivered."})
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Only this business date's history.")
    LocalDate date;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: 20).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1: " + limit);
        }
        try (ConfigurableApplicationContext store = Store.openForReading()) {
            List<RunHistory.Run> runs = store.getBean(RunHistory.class).recent(date, limit);
            if (runs.isEmpty()) {
                System.out.println(date == null ? "No runs yet." : "No runs of " + date + ".");
                return 0;
            }
            System.out.printf("%-10s  %3s  %-11s  %-19s  %9s  %9s  %9s  %8s  %8s  %s%n", "date", "try", "state",
                    "started", "duration", "read", "accepted", "rejected", "requests", "bundle");
            for (RunHistory.Run run : runs) {
                System.out.printf("%-10s  %3d  %-11s  %-19s  %9s  %9s  %9s  %8s  %8s  %s%n", run.businessDate(),
                        run.attempt(), run.state(),
                        run.started() == null ? "" : run.started().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                                .substring(0, 19),
                        duration(run.duration()), text(run.rowsRead()), text(run.rowsAccepted()),
                        text(run.rowsRejected()), text(run.requests()),
                        run.bundlePath() == null ? "" : run.bundlePath());
            }
            Dispatcher.Pass notifications = store.getBean(Dispatcher.class).status();
            if (notifications.pendingTotal() + notifications.failedTotal() > 0) {
                System.out.println("notifications not delivered: " + notifications.pendingTotal() + " pending, "
                        + notifications.failedTotal() + " failed: recon notify status");
            }
            return 0;
        }
    }

    private static String text(Long value) {
        return value == null ? "-" : value.toString();
    }

    private static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = duration.toMillis();
        return millis < 60_000 ? String.format("%.1fs", millis / 1000.0)
                : String.format("%dm%02ds", millis / 60_000, (millis / 1000) % 60);
    }
}
