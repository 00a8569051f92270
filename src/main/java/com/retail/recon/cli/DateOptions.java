package com.retail.recon.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;

/** Options shared by the subcommands that run the nightly job. */
final class DateOptions {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The business date. Default for run: yesterday in the policy's zone.")
    LocalDate date;

    /**
     * The folders are the properties recon.inbox and recon.archive (the flags override them), so that one check,
     * when the configuration is bound, refuses a path that is not a usable folder before the store is opened.
     */
    @Option(names = "--inbox", paramLabel = "DIR",
            description = "Folder holding one <YYYY-MM-DD>/ folder per business date (default: recon.inbox). "
                    + "A path that is not a folder is refused (exit 2).")
    void inbox(Path inbox) {
        ReconCommand.setProperty("recon.inbox", inbox.toString());
    }

    @Option(names = "--archive", paramLabel = "DIR",
            description = "Folder the bundles are written to, created if missing (default: recon.archive). "
                    + "A path that is not a folder, or one recon cannot write to or create, is refused (exit 2).")
    void archive(Path archive) {
        ReconCommand.setProperty("recon.archive", archive.toString());
    }

    @Option(names = "--allow-missing",
            description = "Treat a missing orders.csv, cancellations.csv or refunds.csv as empty.")
    boolean allowMissing;

    @Option(names = "--timings", description = "Also print each step's duration and items per second.")
    boolean timings;

    enum Workers { local, remote }

    @Option(names = "--workers", paramLabel = "local|remote",
            description = "Where the partitions of the heavy steps run: local (default) on this machine's cores, "
                    + "remote on recon worker processes over RabbitMQ (same as --recon.workers.mode=remote).")
    void workers(Workers where) {
        ReconCommand.setProperty("recon.workers.mode", where.toString());
    }
}
