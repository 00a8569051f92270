package com.retail.recon.desk.dashboard;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The outcomes the latest completed business dates reported: requests per outcome, as cancellations.csv has them. */
@Component
public class Outcomes {

    /** One business date: requests per outcome (outcomes in name order) and how many were flagged. */
    public record Day(LocalDate date, Map<String, Long> outcomes, long total, long flagged) {

        /** The day's stacked bar, in thousandths of the widest day's ({@code scale} requests). */
        public List<Segment> segments(long scale) {
            List<Segment> segments = new ArrayList<>();
            long before = 0;
            for (Map.Entry<String, Long> outcome : outcomes.entrySet()) {
                long x = scale == 0 ? 0 : before * 1000 / scale;
                long end = scale == 0 ? 0 : (before + outcome.getValue()) * 1000 / scale;
                segments.add(new Segment(outcome.getKey(), outcome.getValue(), x, end - x));
                before += outcome.getValue();
            }
            return segments;
        }
    }

    /** One outcome's part of a day's bar. */
    public record Segment(String outcome, long requests, long x, long width) {
    }

    /**
     * The order of a day's bar and its legend: settled, then waiting, stuck, and wrong money or data last, so
     * that the colours run from calm to alarming (outcomes not listed go last, by name).
     */
    static final List<String> ORDER = List.of("REFUNDED", "REJECTED", "PENDING_DECISION", "AWAITING_REFUND",
            "REFUND_PENDING", "STUCK_AWAITING_DECISION", "STUCK_REFUND_PENDING", "STUCK_NO_REFUND", "UNDER_REFUNDED",
            "OVER_REFUNDED", "REFUND_FAILED", "CURRENCY_MISMATCH", "ORDER_NOT_FOUND");

    static int compare(String a, String b) {
        int ia = ORDER.indexOf(a);
        int ib = ORDER.indexOf(b);
        if (ia < 0 || ib < 0) {
            return ia < 0 && ib < 0 ? a.compareTo(b) : ia < 0 ? 1 : -1;
        }
        return Integer.compare(ia, ib);
    }

    private final JdbcTemplate jdbc;

    Outcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest {@code days} completed dates, oldest first. */
    List<Day> latest(int days) {
        List<LocalDate> dates = jdbc.queryForList("SELECT business_date FROM business_day WHERE completed = TRUE"
                + " ORDER BY business_date DESC LIMIT ?", LocalDate.class, days);
        List<Day> result = new ArrayList<>();
        for (int i = dates.size() - 1; i >= 0; i--) {
            LocalDate date = dates.get(i);
            Map<String, Long> outcomes = new TreeMap<>(Outcomes::compare);
            long[] flagged = {0};
            jdbc.query("SELECT outcome, flagged, COUNT(*) AS n FROM recon_request WHERE business_date = ?"
                    + " GROUP BY outcome, flagged", rs -> {
                        outcomes.merge(rs.getString("outcome"), rs.getLong("n"), Long::sum);
                        if (rs.getBoolean("flagged")) {
                            flagged[0] += rs.getLong("n");
                        }
                    }, date);
            long total = outcomes.values().stream().mapToLong(Long::longValue).sum();
            result.add(new Day(date, new LinkedHashMap<>(outcomes), total, flagged[0]));
        }
        return result;
    }
}
