package com.retail.recon.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a synthetic inbox: {@code <out>/<YYYY-MM-DD>/orders.csv, cancellations.csv, refunds.csv} for
 * each day of the settings. Plain Java, no framework, no store.
 * <p>
 * Deterministic: the same settings give the same bytes. Each day draws from its own random generator,
 * seeded from the seed and the date; no wall clock, no hash ordering. Streaming: one order is in memory
 * at a time, whatever the number of order lines. Each day of at least 10,000 order lines gives every
 * outcome of the spec's outcome table, every policy check and every finance exception when recon runs it
 * (in date order, with the default policy); its rejected rows stay under recon's 5% threshold.
 */
public final class InboxGenerator {

    /** What was written for one business date (row counts exclude the header). */
    public record DayResult(LocalDate date, Path folder, long orderRows, long cancellationRows, long refundRows,
                            long defectiveRows) {
    }

    private final GeneratorSettings settings;

    public InboxGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    public List<DayResult> generate(Path out) {
        return generate(out, day -> { });
    }

    /** @param progress told about each day as soon as its files are complete */
    public List<DayResult> generate(Path out, Consumer<DayResult> progress) {
        List<DayResult> results = new ArrayList<>();
        LocalDate first = settings.from();
        DayFiles current = DayFiles.create(out.resolve(first.toString()));
        long followUpOrderRows = 0;
        try {
            for (int i = 0; i < settings.days(); i++) {
                LocalDate date = first.plusDays(i);
                DayFiles next = i + 1 < settings.days()
                        ? DayFiles.create(out.resolve(date.plusDays(1).toString())) : DayFiles.discard();
                try {
                    followUpOrderRows = new DayGenerator(settings, date, current, next, followUpOrderRows).run();
                    current.close();
                } catch (RuntimeException e) {
                    next.close();
                    throw e;
                }
                DayResult result = new DayResult(date, out.resolve(date.toString()), current.orders.rows(),
                        current.cancellations.rows(), current.refunds.rows(),
                        current.orders.defectiveRows() + current.cancellations.defectiveRows()
                                + current.refunds.defectiveRows());
                results.add(result);
                progress.accept(result);
                current = next;
            }
        } finally {
            current.close();
        }
        return results;
    }
}
