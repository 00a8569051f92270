package com.retail.recon.desk.cases;

import com.retail.recon.cases.CaseKind;
import com.retail.recon.cases.CaseState;
import com.retail.recon.cases.CaseStore;
import com.retail.recon.cases.Priority;
import com.retail.recon.desk.dashboard.CaseFigures;
import com.retail.recon.users.CaseAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's case figures (the {@link CaseFigures} extension point), for the cases the logged-in role sees
 * (an AGENT: escalations only). "Open" is every state but CLOSED, as the queue's default. Ages and overdue
 * count in business dates against the latest completed date, as due_on does. The chart's columns are the
 * cases standing at the end of each of the latest completed dates, read from recon_case_day (the case as it
 * stood when that date ended, replays included), not worked out again from opened_on/closed_on, which forget
 * a case that closed and opened again.
 */
@Component
class QueueFigures implements CaseFigures {

    static final int DAYS = 14;

    private final CaseStore store;
    private final JdbcTemplate jdbc;

    QueueFigures(CaseStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** An ageing bucket: days since opened from..to (to -1: no end), its cases, its bar in thousandths. */
    public record Bucket(String label, long cases, long width) {
    }

    /** One column of the chart: cases needing work (OPEN, IN_PROGRESS) under those resolved and standing. */
    public record Column(LocalDate date, long needsWork, long resolved, int x, int width, int workY, int workHeight,
                         int resolvedY, int resolvedHeight) {
        public long total() {
            return needsWork + resolved;
        }

        public String label() {
            return date.toString().substring(5);
        }
    }

    public record Figures(boolean escalationsOnly, LocalDate latestCompleted, long open, long overdue,
                          long overdueHigh, Map<Priority, Long> byPriority, Map<CaseState, Long> byState,
                          List<Bucket> ageing, List<Column> columns) {
        public int chartWidth() {
            return Math.max(200, 10 + columns.size() * 48);
        }
    }

    static final int CHART_HEIGHT = 120;

    @Override
    public Object figures() {
        Set<CaseKind> kinds = CaseAccess.visibleKinds(
                DeskRoles.of(SecurityContextHolder.getContext().getAuthentication()));
        LocalDate latest = store.clock().latestCompleted();
        Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            byPriority.put(priority, 0L);
        }
        Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            if (state != CaseState.CLOSED) {
                byState.put(state, 0L);
            }
        }
        long[] ages = new long[4];
        long open = 0;
        long overdue = 0;
        long overdueHigh = 0;
        for (CaseStore.Standing s : store.standingCounts(kinds)) {
            open += s.cases();
            byPriority.merge(s.priority(), s.cases(), Long::sum);
            byState.merge(s.state(), s.cases(), Long::sum);
            if (s.state().needsWork() && latest != null && latest.isAfter(s.dueOn())) {
                overdue += s.cases();
                overdueHigh += s.priority() == Priority.HIGH ? s.cases() : 0;
            }
            long age = latest == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(s.openedOn(), latest));
            ages[age <= 1 ? 0 : age <= 3 ? 1 : age <= 7 ? 2 : 3] += s.cases();
        }
        long most = Math.max(1, java.util.Arrays.stream(ages).max().orElse(0));
        String[] labels = {"0–1 days", "2–3 days", "4–7 days", "over 7 days"};
        List<Bucket> ageing = new ArrayList<>();
        for (int i = 0; i < ages.length; i++) {
            ageing.add(new Bucket(labels[i], ages[i], ages[i] * 1000 / most));
        }
        return new Figures(!kinds.contains(CaseKind.EXCEPTION), latest, open, overdue, overdueHigh, byPriority,
                byState, ageing, columns(kinds));
    }

    private List<Column> columns(Set<CaseKind> kinds) {
        List<LocalDate> dates = jdbc.queryForList("SELECT business_date FROM business_day WHERE completed = TRUE"
                + " ORDER BY business_date DESC LIMIT ?", LocalDate.class, DAYS);
        List<long[]> counts = new ArrayList<>();
        long tallest = 1;
        for (int i = dates.size() - 1; i >= 0; i--) {
            Map<CaseState, Long> standing = store.standingAtEndOf(dates.get(i), kinds);
            long work = standing.getOrDefault(CaseState.OPEN, 0L) + standing.getOrDefault(CaseState.IN_PROGRESS, 0L);
            long resolved = standing.getOrDefault(CaseState.WAITING, 0L) + standing.getOrDefault(CaseState.ACCEPTED, 0L);
            counts.add(new long[]{work, resolved});
            tallest = Math.max(tallest, work + resolved);
        }
        List<Column> columns = new ArrayList<>();
        int slot = 48;
        for (int i = 0; i < counts.size(); i++) {
            LocalDate date = dates.get(dates.size() - 1 - i);
            long work = counts.get(i)[0];
            long resolved = counts.get(i)[1];
            int workHeight = (int) (work * CHART_HEIGHT / tallest);
            int resolvedHeight = (int) (resolved * CHART_HEIGHT / tallest);
            int base = 20 + CHART_HEIGHT;
            columns.add(new Column(date, work, resolved, 10 + i * slot, slot - 16, base - workHeight, workHeight,
                    base - workHeight - resolvedHeight, resolvedHeight));
        }
        return columns;
    }
}
