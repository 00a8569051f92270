package com.retail.recon.run;

import com.retail.recon.batch.BusinessDays;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a finished run of a date produced, read back from the store for the end-of-run summary. */
public record RunSummary(
        LocalDate businessDate,
        List<FileCount> files,
        Map<String, Long> outcomes,
        Map<String, Long> exceptions,
        long escalations,
        long newEscalations,
        long receipts,
        Cases cases,
        String bundlePath) {

    /** The cases after the date: opened that date, standing (not CLOSED), and of those overdue. */
    public record Cases(long opened, long standing, long overdue) {
    }

    public record FileCount(String file, long read, long accepted, long rejected) {
    }

    public static RunSummary of(JdbcTemplate jdbc, LocalDate businessDate) {
        List<FileCount> files = jdbc.query("SELECT file, rows_read, rows_accepted, rows_rejected FROM ingest_count "
                        + "WHERE business_date = ? ORDER BY file",
                (rs, i) -> new FileCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), businessDate);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        jdbc.query("SELECT outcome, COUNT(*) FROM recon_request WHERE business_date = ? GROUP BY outcome "
                + "ORDER BY outcome", rs -> {
            outcomes.put(rs.getString(1), rs.getLong(2));
        }, businessDate);
        Map<String, Long> exceptions = new LinkedHashMap<>();
        jdbc.query("SELECT exception_type, COUNT(*) FROM recon_exception WHERE business_date = ? "
                + "GROUP BY exception_type ORDER BY exception_type", rs -> {
            exceptions.put(rs.getString(1), rs.getLong(2));
        }, businessDate);
        long escalations = count(jdbc, "flagged = TRUE", businessDate);
        long newEscalations = count(jdbc, "flagged = TRUE AND newly_flagged = TRUE", businessDate);
        long receipts = count(jdbc, "became_refunded = TRUE", businessDate);
        String bundle = new BusinessDays(jdbc).day(businessDate).map(BusinessDays.Day::bundlePath).orElse(null);
        Cases cases = jdbc.queryForObject("SELECT "
                + "(SELECT COUNT(*) FROM recon_case WHERE opened_on = ?), "
                + "(SELECT COUNT(*) FROM recon_case WHERE state IN ('OPEN', 'IN_PROGRESS', 'WAITING', 'ACCEPTED')), "
                + "(SELECT COUNT(*) FROM recon_case WHERE state IN ('OPEN', 'IN_PROGRESS') "
                + "AND due_on < (SELECT latest_date FROM recon_case_clock WHERE id = 1)) "
                + "FROM recon_case_clock WHERE id = 1",
                (rs, i) -> new Cases(rs.getLong(1), rs.getLong(2), rs.getLong(3)), businessDate);
        return new RunSummary(businessDate, files, outcomes, exceptions, escalations, newEscalations, receipts,
                cases, bundle);
    }

    private static long count(JdbcTemplate jdbc, String condition, LocalDate businessDate) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recon_request WHERE business_date = ? AND " + condition,
                Long.class, businessDate);
    }
}
