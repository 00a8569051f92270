package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.domain.Currencies;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A manual micro-benchmark of the ingest step's per-row CPU cost before the database write: reads one inbox
 * file through {@link InboxFileReader} and hands each record to {@link RowValidator}, as the ingest step does.
 * Not a test (no timing is asserted anywhere); run it by hand:
 *
 * <pre>
 * java -jar target/recon.jar generate --out /tmp/perf-inbox --from 2026-11-20 --order-lines 1000000 --seed 7
 * ./mvnw -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) com.retail.recon.ingest.ParseBenchmark \
 *     /tmp/perf-inbox/2026-11-20/orders.csv [iterations] [ORDERS|CANCELLATIONS|REFUNDS]
 * </pre>
 *
 * Each iteration prints the wall time to read only, and to read and validate (with the main thread's CPU time,
 * which a busy machine disturbs less), scaled to ms per million rows; then the best of the iterations.
 */
public final class ParseBenchmark {

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args.length > 0 ? args[0] : "/tmp/perf-inbox/2026-11-20/orders.csv");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        InputFile file = args.length > 2 ? InputFile.valueOf(args[2]) : InputFile.ORDERS;
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file: " + path + " (generate it first, see the class comment)");
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bestRead = Long.MAX_VALUE;
        long bestBoth = Long.MAX_VALUE;
        long bestBothCpu = Long.MAX_VALUE;
        long rows = 0;
        for (int i = 1; i <= iterations; i++) {
            long start = System.nanoTime();
            rows = read(file, path, null);
            long readNanos = System.nanoTime() - start;

            long[] counts = new long[2];
            long cpuStart = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            read(file, path, counts);
            long bothNanos = System.nanoTime() - start;
            long bothCpu = threads.getCurrentThreadCpuTime() - cpuStart;
            long total = counts[0] + counts[1];
            if (total != rows) {
                throw new IllegalStateException(total + " rows validated but " + rows + " read");
            }
            System.out.printf("iteration %d: %,d rows (%,d accepted, %,d rejected)  read %,d ms/1M rows"
                            + "  read+validate %,d ms/1M rows (thread CPU %,d ms/1M rows)%n",
                    i, rows, counts[0], counts[1], perMillion(readNanos, rows), perMillion(bothNanos, rows),
                    perMillion(bothCpu, rows));
            bestRead = Math.min(bestRead, readNanos);
            bestBoth = Math.min(bestBoth, bothNanos);
            bestBothCpu = Math.min(bestBothCpu, bothCpu);
        }
        System.out.printf("best: read %,d ms/1M rows, read+validate %,d ms/1M rows (thread CPU %,d ms/1M rows),"
                        + " %,.0f rows/s%n", perMillion(bestRead, rows), perMillion(bestBoth, rows),
                perMillion(bestBothCpu, rows), rows * 1e9 / bestBoth);
    }

    /** Reads every record; validates it too when counts is given ([0] accepted, [1] rejected). */
    private static long read(InputFile file, Path path, long[] counts) throws java.io.IOException {
        RowValidator validator = counts == null ? null
                : new RowValidator(file, new RowParsers(Currencies.defaults()),
                LocalDate.parse(path.getParent().getFileName().toString()));
        InboxFileReader reader = new InboxFileReader(file, path);
        reader.open(new ExecutionContext());
        long rows = 0;
        try {
            InboxFileReader.HeaderedRecord record;
            while ((record = reader.read()) != null) {
                rows++;
                if (validator != null) {
                    IngestedRow row = validator.process(record);
                    counts[row instanceof IngestedRow.Accepted ? 0 : 1]++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            reader.close();
        }
        return rows;
    }

    private static long perMillion(long nanos, long rows) {
        return Math.round(nanos / 1e6 * 1_000_000 / Math.max(rows, 1));
    }
}
