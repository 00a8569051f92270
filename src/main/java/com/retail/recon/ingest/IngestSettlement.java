package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * After the three ingest steps: applies the within-file rules (DUPLICATE_KEY, MIXED_ORDER) to the few
 * keys and orders that need them, moves those rows to the rejects, records the counts, proves
 * read = accepted + rejected, and enforces the reject threshold. Idempotent, so a restart may repeat it.
 */
public class IngestSettlement {

    private static final int KEYS_PER_QUERY = 500;
    /** Two queries at a time keep two database cores busy; more would only queue. */
    private static final int QUERIES_AT_ONCE = 2;

    private final JdbcTemplate jdbc;
    private final InputStore store;

    public IngestSettlement(JdbcTemplate jdbc, InputStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public record FileCounts(InputFile file, long read, long accepted, long rejected) {
    }

    /**
     * The keys (order ids for orders.csv) whose rows the within-file rules must look at, for each file, after
     * the statistics of the loaded tables are refreshed. A file screened during its ingest (see
     * {@link WithinFileScreen}) brings its keys in {@code screened}; the store is asked for the others, and
     * for orders that disagree with their lines of earlier dates. These read-only queries are independent of
     * each other, and each keeps one core of the database busy, so they run {@link #QUERIES_AT_ONCE} at a
     * time, each on its own connection (the rows they read were committed by the ingest steps).
     */
    public Map<InputFile, Set<String>> suspiciousKeys(LocalDate businessDate, Map<InputFile, Long> rowsLoaded,
                                                      Map<InputFile, Set<String>> screened) {
        Date d = Date.valueOf(businessDate);
        Map<InputFile, List<Callable<List<String>>>> queries = new EnumMap<>(InputFile.class);
        for (InputFile file : InputFile.values()) {
            queries.put(file, new ArrayList<>());
        }
        if (!screened.containsKey(InputFile.ORDERS)) {
            // a key (order, line) twice
            queries.get(InputFile.ORDERS).add(() -> jdbc.queryForList("SELECT order_id FROM order_line "
                    + "WHERE business_date = ? GROUP BY order_id, line_no HAVING COUNT(*) > 1", String.class, d));
            // an order whose lines disagree on currency or payment method
            queries.get(InputFile.ORDERS).add(() -> jdbc.queryForList("SELECT order_id FROM order_line "
                    + "WHERE business_date = ? GROUP BY order_id "
                    + "HAVING MIN(currency) <> MAX(currency) OR MIN(payment_method) <> MAX(payment_method)",
                    String.class, d));
        }
        // ... or disagree with the order's lines of earlier dates
        queries.get(InputFile.ORDERS).add(() -> jdbc.queryForList("""
                SELECT l.order_id FROM order_line l WHERE l.business_date = ? AND EXISTS (
                    SELECT 1 FROM order_line p WHERE p.order_id = l.order_id AND p.business_date < ?
                    AND (p.currency <> l.currency OR p.payment_method <> l.payment_method))""",
                String.class, d, d));
        if (!screened.containsKey(InputFile.CANCELLATIONS)) {
            queries.get(InputFile.CANCELLATIONS).add(() -> jdbc.queryForList("SELECT request_id FROM cancellation "
                    + "WHERE business_date = ? GROUP BY request_id HAVING COUNT(*) > 1", String.class, d));
        }
        if (!screened.containsKey(InputFile.REFUNDS)) {
            queries.get(InputFile.REFUNDS).add(() -> jdbc.queryForList("SELECT txn_id FROM refund "
                    + "WHERE business_date = ? GROUP BY txn_id HAVING COUNT(*) > 1", String.class, d));
        }

        ExecutorService threads = Executors.newFixedThreadPool(QUERIES_AT_ONCE, runnable -> {
            Thread thread = new Thread(runnable, "settle-ingest-query");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> statistics = new ArrayList<>();
            for (InputFile file : InputFile.values()) {
                long rows = rowsLoaded.getOrDefault(file, 0L);
                statistics.add(threads.submit(() -> store.refreshStatistics(file, rows)));
            }
            Map<InputFile, List<Future<List<String>>>> found = new EnumMap<>(InputFile.class);
            queries.forEach((file, list) -> found.put(file, list.stream().map(threads::submit).toList()));
            for (Future<?> done : statistics) {
                result(done);
            }
            Map<InputFile, Set<String>> keys = new EnumMap<>(InputFile.class);
            found.forEach((file, futures) -> {
                Set<String> union = new LinkedHashSet<>(screened.getOrDefault(file, Set.of()));
                futures.forEach(future -> union.addAll(result(future)));
                keys.put(file, union);
            });
            return keys;
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while settling the ingest", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Applies the within-file rules to the rows of the suspicious keys: moves the losers to the rejects. */
    public void settle(InputFile file, LocalDate businessDate, Path path, Set<String> suspiciousKeys) {
        List<WithinFileRules.Candidate> suspicious = rowsOf(file, businessDate, List.copyOf(suspiciousKeys));
        List<WithinFileRules.Verdict> verdicts = WithinFileRules.rejects(file, suspicious,
                file == InputFile.ORDERS ? fixedEarlier(suspicious, businessDate) : Map.of());
        if (verdicts.isEmpty()) {
            return;
        }
        Map<Long, String> raw = rawRecords(path, verdicts);
        List<IngestedRow.Rejected> rejects = verdicts.stream()
                .map(v -> new IngestedRow.Rejected(v.lineNumber(), v.reason(), v.field(), raw.get(v.lineNumber())))
                .toList();
        store.insertRejects(file, businessDate, rejects);
        jdbc.batchUpdate("DELETE FROM " + InputStore.table(file) + " WHERE business_date = ? AND line_number = ?",
                rejects, rejects.size(), (ps, row) -> {
                    ps.setDate(1, Date.valueOf(businessDate));
                    ps.setLong(2, row.lineNumber());
                });
    }

    /**
     * The rows of the suspicious keys (for orders.csv, of the suspicious orders), in line order. Found in two
     * steps, the keys and then their rows, so that no store evaluates a correlated IN over the whole file.
     */
    private List<WithinFileRules.Candidate> rowsOf(InputFile file, LocalDate businessDate, List<String> keys) {
        String rowsOfKeys = switch (file) {
            case ORDERS -> "SELECT line_number, order_id, line_no, currency, payment_method FROM order_line "
                    + "WHERE business_date = ? AND order_id IN ";
            case CANCELLATIONS -> "SELECT line_number, request_id FROM cancellation WHERE business_date = ? AND request_id IN ";
            case REFUNDS -> "SELECT line_number, txn_id FROM refund WHERE business_date = ? AND txn_id IN ";
        };
        List<WithinFileRules.Candidate> rows = new ArrayList<>();
        for (List<String> batch : batches(keys)) {
            List<Object> parameters = new ArrayList<>(batch.size() + 1);
            parameters.add(businessDate);
            parameters.addAll(batch);
            rows.addAll(jdbc.query(rowsOfKeys + placeholders(batch.size()), (rs, i) -> file == InputFile.ORDERS
                    ? new WithinFileRules.Candidate(rs.getLong(1), rs.getString(2) + "\u0000" + rs.getInt(3),
                            rs.getString(2), rs.getString(4), rs.getString(5))
                    : new WithinFileRules.Candidate(rs.getLong(1), rs.getString(2), null, null, null),
                    parameters.toArray()));
        }
        rows.sort(Comparator.comparingLong(WithinFileRules.Candidate::lineNumber));
        return rows;
    }

    /** For the suspicious orders that arrived before D: their first accepted row then. */
    private Map<String, WithinFileRules.Candidate> fixedEarlier(List<WithinFileRules.Candidate> rows,
                                                               LocalDate businessDate) {
        Map<String, WithinFileRules.Candidate> fixed = new HashMap<>();
        List<String> orders = rows.stream().map(WithinFileRules.Candidate::orderId).distinct().toList();
        for (List<String> batch : batches(orders)) {
            List<Object> parameters = new ArrayList<>(batch);
            parameters.add(businessDate);
            jdbc.query("SELECT order_id, currency, payment_method FROM order_line WHERE order_id IN "
                            + placeholders(batch.size()) + " AND business_date < ? "
                            + "ORDER BY order_id, business_date, line_number",
                    rs -> {
                        fixed.putIfAbsent(rs.getString(1), new WithinFileRules.Candidate(0, "", rs.getString(1),
                                rs.getString(2), rs.getString(3)));
                    }, parameters.toArray());
        }
        return fixed;
    }

    /** Keys in batches small enough for one IN list: one query per batch, not one per key. */
    private static List<List<String>> batches(List<String> keys) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            batches.add(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)));
        }
        return batches;
    }

    private static String placeholders(int count) {
        return "(" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    /** Bytes per range of the quick scan that finds the records to read again: each wanted record costs about half. */
    private static final long RAW_RANGE_BYTES = 16 * 1024;

    /**
     * The raw text of the given records, read again from the file (only rows rejected here need it). A quick
     * scan cuts the file into small ranges at record boundaries ({@link FileRanges}), and only the ranges that
     * hold a wanted record are parsed: a full parse of a 10M-line file took seconds.
     */
    static Map<Long, String> rawRecords(Path path, List<WithinFileRules.Verdict> verdicts) {
        Map<Long, String> wanted = new HashMap<>();
        verdicts.forEach(v -> wanted.put(v.lineNumber(), null));
        List<Long> lines = wanted.keySet().stream().sorted().toList();
        try {
            long size = Files.size(path);
            List<FileRanges.Range> ranges = FileRanges.split(path,
                    (int) Math.min(Integer.MAX_VALUE, Math.max(1, size / RAW_RANGE_BYTES)), RAW_RANGE_BYTES);
            int range = 0;
            for (int i = 0; i < lines.size(); ) {
                // range r holds the records that start on lines [firstLine of r, firstLine of r + 1)
                while (range + 1 < ranges.size() && ranges.get(range + 1).firstLine() <= lines.get(i)) {
                    range++;
                }
                long endLine = range + 1 < ranges.size() ? ranges.get(range + 1).firstLine() : Long.MAX_VALUE;
                int j = i;
                while (j < lines.size() && lines.get(j) < endLine) {
                    j++;
                }
                long last = lines.get(j - 1);
                try (CsvRecordReader records = new CsvRecordReader(path, ranges.get(range))) {
                    for (CsvRecord record = records.next(); record != null && record.lineNumber() <= last;
                         record = records.next()) {
                        if (wanted.containsKey(record.lineNumber())) {
                            wanted.put(record.lineNumber(), IngestedRow.Rejected.storable(record.raw()));
                        }
                    }
                }
                i = j;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wanted;
    }

    /** Stores the file's counts and checks that nothing was lost. */
    public FileCounts count(InputFile file, LocalDate businessDate, long read) {
        long accepted = jdbc.queryForObject("SELECT COUNT(*) FROM " + InputStore.table(file)
                + " WHERE business_date = ?", Long.class, businessDate);
        long rejected = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE business_date = ? AND file = ?",
                Long.class, businessDate, file.fileName());
        if (read != accepted + rejected) {
            throw new IllegalStateException(file.fileName() + ": " + read + " rows read but " + accepted
                    + " accepted + " + rejected + " rejected; refusing to continue");
        }
        jdbc.update("DELETE FROM ingest_count WHERE business_date = ? AND file = ?", businessDate, file.fileName());
        jdbc.update("INSERT INTO ingest_count (business_date, file, rows_read, rows_accepted, rows_rejected) "
                + "VALUES (?, ?, ?, ?, ?)", businessDate, file.fileName(), read, accepted, rejected);
        return new FileCounts(file, read, accepted, rejected);
    }

    /** @throws InputRejectedException when rejected rows exceed the threshold share of the file */
    public static void enforceThreshold(FileCounts counts, BigDecimal thresholdPercent) {
        if (counts.read() == 0) {
            return;
        }
        BigDecimal rejectedPercent = BigDecimal.valueOf(counts.rejected() * 100)
                .divide(BigDecimal.valueOf(counts.read()), 2, java.math.RoundingMode.UP);
        if (BigDecimal.valueOf(counts.rejected() * 100).compareTo(thresholdPercent.multiply(
                BigDecimal.valueOf(counts.read()))) > 0) {
            throw new InputRejectedException(counts.file().fileName() + ": " + counts.rejected() + " of "
                    + counts.read() + " rows rejected (" + rejectedPercent.toPlainString()
                    + "%), over the " + thresholdPercent.toPlainString()
                    + "% threshold; see the rejects in the store or fix the export and run again");
        }
    }
}
