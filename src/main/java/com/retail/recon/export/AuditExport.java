package com.retail.recon.export;

import com.retail.recon.archive.BagIt;

import com.retail.recon.batch.BusinessDays;
import com.retail.recon.cases.CaseListing;
import com.retail.recon.cases.CaseStore;
import com.retail.recon.domain.Currencies;
import com.retail.recon.ledger.CsvLine;
import com.retail.recon.ledger.Ledger;
import com.retail.recon.ledger.LedgerRows;
import com.retail.recon.report.DailyReportData;
import com.retail.recon.report.DailyReportRenderer;
import com.retail.recon.system.ProductVersion;
import com.retail.recon.system.ReconProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The finance audit export: the ledgers of a date range, from the store (not copied from bundles), in one
 * BagIt bag with control totals per business date and currency and a PDF summary.
 */
@Component
public class AuditExport {

    /** What was written, and the dates of the range that never completed. */
    public record Result(Path bag, List<LocalDate> dates, List<LocalDate> missing) {
    }

    static final List<String> EXCEPTION_TYPES = List.of("AMBIGUOUS_REFUND", "CONFIRMED_AGAINST_POLICY",
            "CURRENCY_MISMATCH", "ORDER_NOT_FOUND", "ORPHAN_REFUND", "OVER_REFUNDED", "REFUND_NOT_CONFIRMED",
            "UNDER_REFUNDED");

    private final JdbcTemplate jdbc;
    private final Currencies currencies;
    private final LedgerRows ledgerRows;
    private final ReconProperties properties;
    private final CaseStore cases;

    public AuditExport(JdbcTemplate jdbc, Currencies currencies, ReconProperties properties, CaseStore cases) {
        this.jdbc = jdbc;
        this.currencies = currencies;
        this.ledgerRows = new LedgerRows(currencies);
        this.properties = properties;
        this.cases = cases;
    }

    /** Completed dates of the range, and the dates between that never completed. */
    public List<LocalDate> missingDates(LocalDate from, LocalDate to) {
        List<LocalDate> completed = completedDates(from, to);
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!completed.contains(d)) {
                missing.add(d);
            }
        }
        return missing;
    }

    public Result write(LocalDate from, LocalDate to, Path out) throws IOException {
        List<LocalDate> dates = completedDates(from, to);
        List<LocalDate> missing = missingDates(from, to);
        Path staging = out.resolveSibling("." + out.getFileName() + ".partial");
        Files.createDirectories(staging.resolve("data/ledgers"));
        for (Ledger ledger : Ledger.values()) {
            writeLedger(staging.resolve("data/ledgers").resolve(ledger.fileName()), ledger, dates);
        }
        writeCases(staging.resolve("data"), from, to);
        Map<String, Totals> totals = writeTotals(staging.resolve("data/totals.csv"), dates);
        Files.write(staging.resolve("data/summary.pdf"), summaryPdf(from, to, dates, totals));
        // dated as the summary is: the cutoff of the range's last day
        LedgerWorkbook.write(staging.resolve("data"),
                to.plusDays(1).atStartOfDay(properties.policy().zone()).toInstant());

        Map<String, List<String>> info = new LinkedHashMap<>();
        info.put("Bagging-Date", List.of(LocalDate.now(ZoneOffset.UTC).toString()));
        info.put("Export-From", List.of(from.toString()));
        info.put("Export-To", List.of(to.toString()));
        info.put("Business-Date", dates.stream().map(LocalDate::toString).toList());
        if (!missing.isEmpty()) {
            info.put("Missing-Business-Date", missing.stream().map(LocalDate::toString).toList());
        }
        info.put("Product-Version", List.of("recon " + ProductVersion.get()));
        BagIt.make(staging, info);
        Files.move(staging, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new Result(out, dates, missing);
    }

    private List<LocalDate> completedDates(LocalDate from, LocalDate to) {
        return new BusinessDays(jdbc).completedBetween(from, to);
    }

    /** One header, then each date's rows in the ledger's own order. */
    private void writeLedger(Path file, Ledger ledger, List<LocalDate> dates) throws IOException {
        CsvLine csv = new CsvLine();
        RowMapper<String[]> mapper = ledgerRows.mapper(ledger);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", ledger.columns()));
            out.write('\n');
            for (LocalDate date : dates) {
                jdbc.query(ledger.query(), rs -> {
                    try {
                        out.write(csv.aggregate(mapper.mapRow(rs, 0)));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, date);
            }
        }
    }

    /**
     * data/cases.csv: every case flagged on a date of the range, as it stands now (the listing's columns);
     * data/case_events.csv: all their events, by case and event number.
     */
    private void writeCases(Path data, LocalDate from, LocalDate to) throws IOException {
        LocalDate latest = cases.clock().latestCompleted();
        CsvLine csv = new CsvLine();
        try (BufferedWriter out = Files.newBufferedWriter(data.resolve("cases.csv"), StandardCharsets.UTF_8)) {
            out.write(String.join(",", CaseListing.CASE_COLUMNS));
            out.write('\n');
            cases.casesFlaggedBetween(from, to, c -> line(out, csv.aggregate(CaseListing.row(c, latest))));
        }
        try (BufferedWriter out = Files.newBufferedWriter(data.resolve("case_events.csv"), StandardCharsets.UTF_8)) {
            out.write(String.join(",", CaseListing.EVENT_COLUMNS));
            out.write('\n');
            cases.eventsOfCasesFlaggedBetween(from, to, e -> line(out, csv.aggregate(CaseListing.eventRow(e))));
        }
    }

    private static void line(BufferedWriter out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Control totals of one (business date, currency): requests, expected, settled, pending, exceptions. */
    static final class Totals {
        long requests;
        BigDecimal expected = BigDecimal.ZERO;
        BigDecimal settled = BigDecimal.ZERO;
        BigDecimal pending = BigDecimal.ZERO;
        final Map<String, Long> exceptions = new TreeMap<>();

        void add(Totals other) {
            requests += other.requests;
            expected = expected.add(other.expected);
            settled = settled.add(other.settled);
            pending = pending.add(other.pending);
            other.exceptions.forEach((type, n) -> exceptions.merge(type, n, Long::sum));
        }
    }

    /**
     * totals.csv: a row per (business date, currency) of the range, then a row per currency with
     * business_date "ALL" that sums them. Requests without a currency (ORDER_NOT_FOUND) and exceptions
     * without an amount count under an empty currency.
     */
    private Map<String, Totals> writeTotals(Path file, List<LocalDate> dates) throws IOException {
        Map<String, Totals> all = new TreeMap<>();
        List<String> header = new ArrayList<>(List.of("business_date", "currency", "requests", "expected_refund",
                "settled_amount", "pending_amount"));
        EXCEPTION_TYPES.forEach(type -> header.add("exceptions_" + type.toLowerCase(java.util.Locale.ROOT)));
        CsvLine csv = new CsvLine();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", header));
            out.write('\n');
            for (LocalDate date : dates) {
                Map<String, Totals> day = totalsOf(date);
                for (Map.Entry<String, Totals> e : day.entrySet()) {
                    out.write(csv.aggregate(row(date.toString(), e.getKey(), e.getValue())));
                    out.write('\n');
                    all.computeIfAbsent(e.getKey(), k -> new Totals()).add(e.getValue());
                }
            }
            for (Map.Entry<String, Totals> e : all.entrySet()) {
                out.write(csv.aggregate(row("ALL", e.getKey(), e.getValue())));
                out.write('\n');
            }
        }
        return all;
    }

    private Map<String, Totals> totalsOf(LocalDate date) {
        Map<String, Totals> byCurrency = new TreeMap<>();
        jdbc.query("SELECT COALESCE(currency, '') AS currency, COUNT(*), COALESCE(SUM(expected_refund), 0), "
                + "COALESCE(SUM(settled_amount), 0), COALESCE(SUM(pending_amount), 0) FROM recon_request "
                + "WHERE business_date = ? GROUP BY COALESCE(currency, '')", rs -> {
                    Totals t = byCurrency.computeIfAbsent(rs.getString(1), k -> new Totals());
                    t.requests = rs.getLong(2);
                    t.expected = rs.getBigDecimal(3);
                    t.settled = rs.getBigDecimal(4);
                    t.pending = rs.getBigDecimal(5);
                }, date);
        jdbc.query("SELECT COALESCE(currency, '') AS currency, exception_type, COUNT(*) FROM recon_exception "
                + "WHERE business_date = ? GROUP BY COALESCE(currency, ''), exception_type", rs -> {
                    byCurrency.computeIfAbsent(rs.getString(1), k -> new Totals()).exceptions
                            .put(rs.getString(2), rs.getLong(3));
                }, date);
        return byCurrency;
    }

    private String[] row(String date, String currency, Totals t) {
        List<String> fields = new ArrayList<>(List.of(date, currency, Long.toString(t.requests),
                amount(currency, t.expected), amount(currency, t.settled), amount(currency, t.pending)));
        EXCEPTION_TYPES.forEach(type -> fields.add(Long.toString(t.exceptions.getOrDefault(type, 0L))));
        return fields.toArray(String[]::new);
    }

    private String amount(String currency, BigDecimal value) {
        return currency.isEmpty() ? "" : currencies.money(currency, value).toPlainString();
    }

    private byte[] summaryPdf(LocalDate from, LocalDate to, List<LocalDate> dates, Map<String, Totals> totals) {
        List<DailyReportData.InputCount> inputs = new ArrayList<>();
        jdbc.query("SELECT file, SUM(rows_read), SUM(rows_accepted), SUM(rows_rejected) FROM ingest_count "
                        + "WHERE business_date IN (SELECT business_date FROM business_day WHERE completed = TRUE "
                        + "AND business_date BETWEEN ? AND ?) GROUP BY file ORDER BY file",
                rs -> {
                    inputs.add(new DailyReportData.InputCount(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4)));
                }, from, to);
        List<DailyReportData.Total> outcomeTotals = jdbc.query("SELECT outcome, currency, COUNT(*), "
                        + "SUM(expected_refund), SUM(settled_amount) FROM recon_request WHERE business_date IN "
                        + "(SELECT business_date FROM business_day WHERE completed = TRUE AND business_date BETWEEN ? AND ?) "
                        + "GROUP BY outcome, currency ORDER BY outcome, currency",
                (rs, i) -> {
                    String currency = rs.getString(2);
                    return new DailyReportData.Total(rs.getString(1), currency == null ? "" : currency, rs.getLong(3),
                            currency == null ? "" : currencies.money(currency, rs.getBigDecimal(4)).toPlainString(),
                            currency == null ? "" : currencies.money(currency, rs.getBigDecimal(5)).toPlainString());
                }, from, to);
        List<List<String>> exceptions = new ArrayList<>();
        List<List<String>> escalations = new ArrayList<>();
        for (LocalDate date : dates) {
            exceptions.addAll(ledgerRows.rowsOf(jdbc, Ledger.EXCEPTIONS, date));
            escalations.addAll(ledgerRows.rowsOf(jdbc, Ledger.ESCALATIONS, date));
        }
        DailyReportData data = new DailyReportData(to, "audit export of " + dates.size() + " business dates, "
                + "recon " + ProductVersion.get(), inputs, outcomeTotals, exceptions, escalations);
        return new DailyReportRenderer(properties.policy().zone()).render(data, "Audit export", "Business dates",
                from + " to " + to);
    }
}
