package com.retail.recon.metrics;

import com.retail.recon.batch.NightlyRun;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What recon's gauges show, read from the store in one go: the runs' outcome, the latest completed business
 * date's figures, the cases. From the store rather than counted in memory, so that every process reports the
 * same: a run's push, an export's, a failed run's, and a scrape of the desk all say what the store says
 * (a Pushgateway keeps only the last push of a group).
 *
 * @param lastSuccessEpochSeconds end of the latest COMPLETED nightly job execution, or 0 if none (the usual
 *                                convention: "never" compares as long ago)
 * @param lastFailureEpochSeconds end of the latest FAILED one, or 0 if none
 * @param latestCompleted the latest completed business date, or null
 * @param night the latest completed date's figures, each keyed by its label values in order
 * @param cases recon_case counted by kind and state
 * @param overdue cases overdue (OPEN or IN_PROGRESS, due before the latest completed date) by kind and priority
 * @param notifications the outbox's deliveries by channel and state
 */
record StoreFigures(double lastSuccessEpochSeconds, double lastFailureEpochSeconds, LocalDate latestCompleted,
                    Map<List<String>, Long> inputRows, Map<List<String>, Long> requests,
                    Map<List<String>, Long> escalations, Map<List<String>, Long> exceptions, long receipts,
                    Map<List<String>, Long> cases, Map<List<String>, Long> overdue,
                    Map<List<String>, Long> notifications) {

    static StoreFigures read(JdbcTemplate jdbc) {
        double lastSuccess = endOfLatest(jdbc, "COMPLETED");
        double lastFailure = endOfLatest(jdbc, "FAILED");
        LocalDate latest = jdbc.queryForObject(
                "SELECT MAX(business_date) FROM business_day WHERE completed = TRUE", LocalDate.class);
        Map<List<String>, Long> inputRows = new HashMap<>();
        Map<List<String>, Long> requests = new HashMap<>();
        Map<List<String>, Long> escalations = new HashMap<>();
        Map<List<String>, Long> exceptions = new HashMap<>();
        long receipts = 0;
        if (latest != null) {
            jdbc.query("SELECT file, rows_accepted, rows_rejected FROM ingest_count WHERE business_date = ?", rs -> {
                inputRows.put(List.of(rs.getString(1), "accepted"), rs.getLong(2));
                inputRows.put(List.of(rs.getString(1), "rejected"), rs.getLong(3));
            }, latest);
            jdbc.query("SELECT outcome, COUNT(*) FROM recon_request WHERE business_date = ? GROUP BY outcome",
                    rs -> {
                        requests.put(List.of(rs.getString(1)), rs.getLong(2));
                    }, latest);
            jdbc.query("SELECT priority, newly_flagged, COUNT(*) FROM recon_request WHERE business_date = ? "
                    + "AND flagged = TRUE GROUP BY priority, newly_flagged", rs -> {
                escalations.put(List.of(rs.getString(1), String.valueOf(rs.getBoolean(2))), rs.getLong(3));
            }, latest);
            jdbc.query("SELECT exception_type, COUNT(*) FROM recon_exception WHERE business_date = ? "
                    + "GROUP BY exception_type", rs -> {
                exceptions.put(List.of(rs.getString(1)), rs.getLong(2));
            }, latest);
            receipts = jdbc.queryForObject("SELECT COUNT(*) FROM recon_request WHERE business_date = ? "
                    + "AND became_refunded = TRUE", Long.class, latest);
        }
        Map<List<String>, Long> cases = new HashMap<>();
        jdbc.query("SELECT kind, state, COUNT(*) FROM recon_case GROUP BY kind, state", rs -> {
            cases.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
        });
        Map<List<String>, Long> overdue = new HashMap<>();
        jdbc.query("SELECT kind, priority, COUNT(*) FROM recon_case WHERE state IN ('OPEN', 'IN_PROGRESS') "
                + "AND due_on < (SELECT latest_date FROM recon_case_clock WHERE id = 1) GROUP BY kind, priority", rs -> {
            overdue.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
        });
        Map<List<String>, Long> notifications = new HashMap<>();
        jdbc.query("SELECT channel, state, COUNT(*) FROM recon_notify_delivery WHERE state <> 'DELIVERED' "
                + "GROUP BY channel, state", rs -> {
            notifications.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
        });
        return new StoreFigures(lastSuccess, lastFailure, latest, inputRows, requests, escalations, exceptions,
                receipts, cases, overdue, notifications);
    }

    /**
     * Spring Batch writes its times as the JVM's local date-time; read back the same way they are instants
     * again. A FAILED execution a crash left without an end time counts from its last update.
     */
    private static double endOfLatest(JdbcTemplate jdbc, String status) {
        Timestamp end = jdbc.queryForObject("SELECT MAX(COALESCE(e.end_time, e.last_updated)) "
                + "FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id "
                + "WHERE i.job_name = ? AND e.status = ?", Timestamp.class, NightlyRun.JOB_NAME, status);
        return end == null ? 0 : end.toInstant().toEpochMilli() / 1000.0;
    }
}
