package com.retail.recon.batch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store's calendar of business dates (table business_day): which dates ran, their last attempt, which
 * completed, when, and where their bundle is. A store's history starts at the first date it ever ran.
 * Every read and write of that table goes through here.
 */
@Repository
public class BusinessDays {

    /** A date the store has seen: completed or not, its latest attempt (null before the first), its bundle. */
    public record Day(LocalDate date, boolean completed, Integer lastAttempt, String bundlePath) {
    }

    private final JdbcTemplate jdbc;

    public BusinessDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Day> day(LocalDate date) {
        return jdbc.query("SELECT completed, last_attempt, bundle_path FROM business_day WHERE business_date = ?",
                rs -> rs.next() ? Optional.of(new Day(date, rs.getBoolean(1), (Integer) rs.getObject(2),
                        rs.getString(3))) : Optional.<Day>empty(), date);
    }

    public boolean isCompleted(LocalDate date) {
        return day(date).map(Day::completed).orElse(false);
    }

    /** The first date this store ever ran, if any. */
    public Optional<LocalDate> first() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(business_date) FROM business_day",
                LocalDate.class));
    }

    /** The store's history starts at the first business date it ever runs: its first attempt records it. */
    public void recordAttempt(LocalDate date, long attempt) {
        int updated = jdbc.update("UPDATE business_day SET last_attempt = ? WHERE business_date = ?", attempt, date);
        if (updated == 0) {
            jdbc.update("INSERT INTO business_day (business_date, first_started, completed, last_attempt) "
                    + "VALUES (?, ?, FALSE, ?)", date, Timestamp.from(Instant.now()), attempt);
        }
    }

    /** A rerun: the date is not completed until its new revision is published. */
    public void reopen(LocalDate date) {
        jdbc.update("UPDATE business_day SET completed = FALSE WHERE business_date = ?", date);
    }

    public void completed(LocalDate date, int revision, String bundlePath) {
        jdbc.update("UPDATE business_day SET completed = TRUE, completed_at = ?, revision = ?, bundle_path = ? "
                + "WHERE business_date = ?", Timestamp.from(Instant.now()), revision, bundlePath, date);
    }

    /** The greatest business date that has completed, if any ("the latest completed date"). */
    public Optional<LocalDate> latestCompleted() {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT MAX(business_date) FROM business_day WHERE completed = TRUE", LocalDate.class));
    }

    public List<LocalDate> completedBetween(LocalDate from, LocalDate to) {
        return jdbc.queryForList("SELECT business_date FROM business_day WHERE completed = TRUE "
                + "AND business_date BETWEEN ? AND ? ORDER BY business_date", LocalDate.class, from, to);
    }

    /** The latest completed date before {@code date}, or null. */
    public LocalDate latestCompletedBefore(LocalDate date) {
        return jdbc.queryForObject("SELECT MAX(business_date) FROM business_day WHERE completed = TRUE "
                + "AND business_date < ?", LocalDate.class, date);
    }

    /** Completed dates after {@code date}: they ran without its data if it arrived late. */
    public List<LocalDate> completedAfter(LocalDate date) {
        return jdbc.queryForList("SELECT business_date FROM business_day WHERE completed = TRUE "
                + "AND business_date > ? ORDER BY business_date", LocalDate.class, date);
    }

    /** Earlier dates of this store that have not completed (their data may be partial). */
    public List<LocalDate> incompleteBefore(LocalDate date) {
        return jdbc.queryForList("SELECT business_date FROM business_day WHERE completed = FALSE "
                + "AND business_date < ? ORDER BY business_date", LocalDate.class, date);
    }

    /**
     * The dates whose open items (requests, unassigned refunds) D must take over: the previous completed date
     * P, which lists every item open as of its data (open items are reported every date), and the dates that
     * ran late, completing after P did (a rerun of an earlier date may hold open items P never saw). None
     * before the store's first completed date.
     */
    public List<LocalDate> carryingOpenItemsInto(LocalDate date) {
        LocalDate previous = jdbc.queryForObject("SELECT MAX(business_date) FROM business_day "
                + "WHERE completed = TRUE AND business_date < ?", LocalDate.class, date);
        if (previous == null) {
            return List.of();
        }
        List<LocalDate> dates = new ArrayList<>(List.of(previous));
        dates.addAll(jdbc.queryForList("SELECT business_date FROM business_day WHERE business_date < ? "
                        + "AND completed_at > (SELECT completed_at FROM business_day WHERE business_date = ?) "
                        + "ORDER BY business_date", LocalDate.class, date, previous));
        return dates;
    }
}
