package com.retail.recon.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cases a listing shows or a bulk action selects: the command line's filters (and the desk's).
 *
 * @param states   the states to include; by default every state but CLOSED
 * @param kind     null: both
 * @param priority null: both
 * @param assignee null: anyone (or no one)
 * @param overdue  only OPEN/IN_PROGRESS cases past their due date as of {@code latestCompleted}
 */
public record CaseFilter(Set<CaseState> states, CaseKind kind, Priority priority, String assignee, boolean overdue,
                         LocalDate latestCompleted) {

    public static final Set<CaseState> NOT_CLOSED = EnumSet.complementOf(EnumSet.of(CaseState.CLOSED));

    public static CaseFilter notClosed() {
        return new CaseFilter(NOT_CLOSED, null, null, null, false, null);
    }

    /** Whether anything narrows the selection beyond the default states. */
    public boolean narrows() {
        return !states.equals(NOT_CLOSED) || kind != null || priority != null || assignee != null || overdue;
    }

    record Sql(String where, List<Object> parameters) {
    }

    Sql toSql() {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        conditions.add(states.isEmpty() ? "1 = 0" : "state IN (" + states.stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ")) + ")");
        if (kind != null) {
            conditions.add("kind = ?");
            parameters.add(kind.name());
        }
        if (priority != null) {
            conditions.add("priority = ?");
            parameters.add(priority.name());
        }
        if (assignee != null) {
            conditions.add("assignee = ?");
            parameters.add(assignee);
        }
        if (overdue) {
            // SPEC: overdue = OPEN or IN_PROGRESS and the latest completed date > due_on
            if (latestCompleted == null) {
                conditions.add("1 = 0");
            } else {
                conditions.add("state IN ('OPEN', 'IN_PROGRESS') AND due_on < ?");
                parameters.add(latestCompleted);
            }
        }
        return new Sql(String.join(" AND ", conditions), parameters);
    }
}
