package com.retail.recon.generate;

import com.retail.recon.domain.InputFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The three exports of one business date, each with its header in the spec's column order. */
final class DayFiles implements Closeable {

    final CsvSink orders;
    final CsvSink cancellations;
    final CsvSink refunds;

    private DayFiles(CsvSink orders, CsvSink cancellations, CsvSink refunds) {
        this.orders = orders;
        this.cancellations = cancellations;
        this.refunds = refunds;
    }

    static DayFiles create(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        CsvSink orders = sink(folder, InputFile.ORDERS);
        CsvSink cancellations = null;
        try {
            cancellations = sink(folder, InputFile.CANCELLATIONS);
            return new DayFiles(orders, cancellations, sink(folder, InputFile.REFUNDS));
        } catch (RuntimeException e) {
            orders.close();
            if (cancellations != null) {
                cancellations.close();
            }
            throw e;
        }
    }

    /** Files that are formatted but never written: the day after the last generated day. */
    static DayFiles discard() {
        return new DayFiles(CsvSink.discard(), CsvSink.discard(), CsvSink.discard());
    }

    private static CsvSink sink(Path folder, InputFile file) {
        return CsvSink.create(folder.resolve(file.fileName()), String.join(",", file.columns()));
    }

    @Override
    public void close() {
        try (CsvSink a = orders; CsvSink b = cancellations; CsvSink c = refunds) {
            // closes all three, even if one fails
        }
    }
}
