package com.retail.recon.cli;

import com.retail.recon.archive.RealPaths;
import com.retail.recon.export.AuditExport;
import com.retail.recon.run.RunHistory;
import com.retail.recon.system.ReconProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Finance audit export of a date range, built from the store: a BagIt bag at --out with the "
                + "six ledgers of every business date in the range concatenated (one header), data/totals.csv "
                + "with control totals per business date and currency plus ALL rows for the range, "
                + "data/ledgers.xlsx (the ledgers and totals as a workbook safe to open in a spreadsheet: text is "
                + "never a formula, amounts are numbers) and data/summary.pdf. Dates of the range that never "
                + "completed are listed as missing (bag-info Missing-Business-Date and the message) and the exit "
                + "code is then 2. --out must not exist and must lie outside the archive and the inbox (the "
                + "configured ones and every one this store's runs used), nor hold them; otherwise nothing is "
                + "written (exit 2)."})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First business date.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last business date.")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The export folder to create, outside the archive and the inbox.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new ParameterException(spec.commandLine(), "--out " + out
                    + " already exists; exports are never overwritten");
        }
        try (ConfigurableApplicationContext store = Store.openForReadingPushingMetrics()) {
            refuseRecordFolders(store.getBean(ReconProperties.class), store.getBean(RunHistory.class).folders());
            AuditExport.Result result = store.getBean(AuditExport.class).write(from, to, out);
            System.out.println("export of " + from + " to " + to + ": " + result.dates().size()
                    + " business dates in " + result.bag());
            if (!result.missing().isEmpty()) {
                System.err.println("recon: " + result.missing().size() + " business date"
                        + (result.missing().size() == 1 ? "" : "s") + " of the range never completed and are "
                        + "missing from the export: " + result.missing());
                return ReconCommand.USAGE;
            }
            return 0;
        }
    }

    /**
     * An export is a bag of its own: written into a bundle it breaks it (files no manifest lists), written as
     * {@code <archive>/<D>} it takes the path of a bundle not yet published, written into the inbox it looks like
     * a business date. So --out must lie outside, and must not hold, the configured archive and inbox and every
     * archive and inbox this store's runs used; compared by real paths (relative, '..', symbolic links).
     */
    private void refuseRecordFolders(ReconProperties properties, RunHistory.Folders used) {
        Map<Path, String> records = new LinkedHashMap<>();
        if (properties.archive() != null) {
            records.put(properties.archive(), "the archive");
        }
        used.archives().forEach(archive -> records.putIfAbsent(archive, "the archive"));
        if (properties.inbox() != null) {
            records.putIfAbsent(properties.inbox(), "the inbox");
        }
        used.inboxes().forEach(inbox -> records.putIfAbsent(inbox, "the inbox"));
        records.forEach((folder, what) -> {
            if (RealPaths.isWithin(out, folder)) {
                throw new ParameterException(spec.commandLine(), "--out " + out
                        + (RealPaths.of(out).equals(RealPaths.of(folder)) ? " is " : " is inside ") + what + " "
                        + folder + "; write the export outside the archive and the inbox");
            }
            if (RealPaths.isWithin(folder, out)) {
                throw new ParameterException(spec.commandLine(), "--out " + out + " would hold " + what + " "
                        + folder + "; write the export outside the archive and the inbox");
            }
        });
    }
}
