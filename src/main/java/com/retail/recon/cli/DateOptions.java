package com.retail.recon.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;

/** Options shared by the subcommands that run the nightly job. */
final class DateOptions {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The business date. Default for run: yesterday in the policy's zone.")
    LocalDate date;

    @Option(names = "--inbox", paramLabel = "DIR",
            description = "Folder holding one <YYYY-MM-DD>/ folder per business date (default: recon.inbox).")
    Path inbox;

    @Option(names = "--archive", paramLabel = "DIR",
            description = "Folder the bundles are written to (default: recon.archive).")
    Path archive;

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
        ReconCommand.springArguments.add("--recon.workers.mode=" + where);
    }
}
