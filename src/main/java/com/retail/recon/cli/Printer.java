package com.retail.recon.cli;

import com.retail.recon.notify.Dispatcher;
import com.retail.recon.run.NightlyService;
import com.retail.recon.run.RunSummary;

import java.io.PrintStream;
import java.util.Map;

/** The end-of-run block people and cron logs read. */
final class Printer {

    private Printer() {
    }

    static int print(NightlyService.Result result, Dispatcher.Pass notifications, boolean timings) {
        PrintStream out = result.exitCode() == NightlyService.OK ? System.out : System.err;
        out.println((result.exitCode() == NightlyService.OK ? "" : "recon: ") + result.message());
        if (result.summary() != null && ReconCommand.verbosity >= 0) {
            print(result.summary(), System.out);
            if (result.duration() != null) {
                System.out.printf("duration     %.1f s%n", result.duration().toMillis() / 1000.0);
            }
        }
        printNotifications(notifications);
        if (timings && !result.steps().isEmpty()) {
            System.out.println("step                       seconds        items     items/s");
            for (NightlyService.StepTiming step : result.steps()) {
                double seconds = step.duration().toMillis() / 1000.0;
                System.out.printf("%-24s %9.2f %12d %11s%n", step.step(), seconds, step.read(),
                        step.read() == 0 || seconds == 0 ? "" : String.format("%.0f", step.read() / seconds));
            }
            long peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("peak heap (sum of pool peaks) %d MB%n", peakHeap / (1024 * 1024));
        }
        return result.exitCode();
    }

    static void print(RunSummary summary, PrintStream out) {
        out.println("== " + summary.businessDate() + " ==");
        out.println("input        read  accepted  rejected");
        for (RunSummary.FileCount file : summary.files()) {
            out.printf("%-18s %8d %9d %9d%n", file.file(), file.read(), file.accepted(), file.rejected());
        }
        out.println("outcomes     " + line(summary.outcomes()));
        out.println("exceptions   " + line(summary.exceptions()));
        out.println("escalations  " + summary.escalations() + " (" + summary.newEscalations() + " new)");
        out.println("refunded     " + summary.receipts() + " became REFUNDED today");
        out.println("cases        " + summary.cases().standing() + " not closed (" + summary.cases().overdue()
                + " overdue), " + summary.cases().opened() + " opened today: recon cases list");
        out.println("bundle       " + summary.bundlePath());
    }

    /**
     * Only when something was sent or is left (a store without receivers says nothing); with --quiet only what is
     * left, as a warning.
     */
    private static void printNotifications(Dispatcher.Pass pass) {
        boolean left = pass.pendingTotal() + pass.failedTotal() > 0;
        if (ReconCommand.verbosity < 0) {
            if (left) {
                System.err.println("warning: notifications not delivered: " + pass.pendingTotal() + " pending, "
                        + pass.failedTotal() + " failed: recon notify status");
            }
            return;
        }
        if (pass.delivered() == 0 && !left) {
            return;
        }
        System.out.println("notify       " + pass.delivered() + " delivered, " + pass.pendingTotal() + " pending"
                + (pass.pendingTotal() == 0 ? "" : " (" + line(pass.pending()) + ")") + ", " + pass.failedTotal()
                + " failed" + (pass.pendingTotal() + pass.failedTotal() == 0 ? "" : ": recon notify status"));
    }

    private static String line(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((name, count) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(count));
        return text.toString();
    }
}
