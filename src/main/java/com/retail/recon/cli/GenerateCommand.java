package com.retail.recon.cli;

import com.retail.recon.generate.GeneratorSettings;
import com.retail.recon.generate.InboxGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** Writes synthetic inbox folders. Needs no store: it does not start Spring. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write synthetic inbox data: <out>/<YYYY-MM-DD>/orders.csv, cancellations.csv and "
                + "refunds.csv for each day, at any scale.",
                "The same options give byte-identical files. With the default policy, every day of at least "
                        + "10,000 order lines shows every outcome, policy check and finance exception when recon "
                        + "runs the days in order; its rejected rows stay under the 5%% threshold. Later days also "
                        + "carry new versions of earlier days' keys (decisions, settlements, shipments).",
                "Existing files of the generated dates are replaced; other folders are left alone."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Inbox folder to write (created if missing).")
    Path out;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", defaultValue = "2026-11-01",
            description = "First business date (default: ${DEFAULT-VALUE}).")
    LocalDate from;

    @Option(names = "--days", paramLabel = "N", defaultValue = "1",
            description = "Number of consecutive business dates (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--order-lines", paramLabel = "N", defaultValue = "10000",
            description = "Rows of orders.csv per day (default: ${DEFAULT-VALUE}); about 2.5 lines per order, "
                    + "--request-percent of orders with a cancellation request.")
    long orderLines;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reject-percent", paramLabel = "P", defaultValue = "0.5",
            description = "Share of each file's rows made invalid, 0 to 4 (default: ${DEFAULT-VALUE}).")
    double rejectPercent;

    @Option(names = "--request-percent", paramLabel = "P", defaultValue = "10",
            description = "Share of orders with a cancellation request, 1 to 90 (default: ${DEFAULT-VALUE}); "
                    + "25 gives about 100,000 requests and 110,000 refunds per 1,000,000 order lines.")
    int requestPercent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GeneratorSettings settings;
        try {
            settings = new GeneratorSettings(from, days, orderLines, seed, rejectPercent, requestPercent);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream console = System.out;
        long started = System.nanoTime();
        new InboxGenerator(settings).generate(out, day -> console.printf(
                "%s  orders.csv %d, cancellations.csv %d, refunds.csv %d rows (%d made invalid)  %s%n",
                day.date(), day.orderRows(), day.cancellationRows(), day.refundRows(), day.defectiveRows(),
                day.folder()));
        console.printf("generated %d day%s in %.1f s (seed %d)%n", days, days == 1 ? "" : "s",
                (System.nanoTime() - started) / 1e9, seed);
        return 0;
    }
}
