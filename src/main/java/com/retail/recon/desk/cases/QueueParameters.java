package com.retail.recon.desk.cases;

import com.retail.recon.cases.CaseFilter;
import com.retail.recon.cases.CaseKind;
import com.retail.recon.cases.CaseQuery;
import com.retail.recon.cases.CaseState;
import com.retail.recon.cases.Priority;
import com.retail.recon.users.CaseAccess;
import com.retail.recon.users.Role;
import org.springframework.util.MultiValueMap;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The queue's filters as the page's URL and {@code GET /api/cases} spell them, read into a {@link CaseQuery}:
 * {@code state} (repeated or comma-separated; {@code all} for every state; default all but CLOSED), {@code kind},
 * {@code priority}, {@code assignee}, {@code mine=true} (assignee = the reader), {@code overdue=true}, {@code q}
 * (a request, order or txn id, exactly), {@code sort} (case_id, due, priority, amount, opened),
 * {@code dir} (asc, desc), {@code page} (from 1), {@code size}. A value that means nothing is a {@link Bad}.
 */
final class QueueParameters {

    /** A parameter's value is not one it may take: 400, with the message. */
    static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message);
        }
    }

    /** A kind the reader's role does not see was asked for by name: 403. */
    static final class NotYourKind extends RuntimeException {
        NotYourKind(Role role, CaseKind kind) {
            super("the " + role + " role does not see " + kind + " cases");
        }
    }

    private QueueParameters() {
    }

    static CaseQuery read(MultiValueMap<String, String> parameters, Role role, String reader, LocalDate latestCompleted,
                          int defaultSize, int maxSize) {
        Set<CaseState> states = states(parameters.get("state"));
        CaseKind kind = optional(parameters, "kind") == null ? null
                : parse(CaseKind.class, "kind", optional(parameters, "kind"));
        if (kind != null && !CaseAccess.sees(role, kind)) {
            throw new NotYourKind(role, kind);
        }
        Priority priority = optional(parameters, "priority") == null ? null
                : parse(Priority.class, "priority", optional(parameters, "priority"));
        String assignee = flag(parameters, "mine") ? reader : optional(parameters, "assignee");
        boolean overdue = flag(parameters, "overdue");
        CaseQuery.Sort sort = CaseQuery.Sort.CASE_ID;
        if (optional(parameters, "sort") != null) {
            try {
                sort = CaseQuery.Sort.ofWord(optional(parameters, "sort"));
            } catch (IllegalArgumentException e) {
                throw new Bad(e.getMessage());
            }
        }
        String dir = optional(parameters, "dir");
        if (dir != null && !dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
            throw new Bad("unknown dir '" + dir + "'; asc or desc");
        }
        int page = number(parameters, "page", 1, 1, Integer.MAX_VALUE);
        int size = number(parameters, "size", defaultSize, 1, maxSize);
        CaseFilter filter = new CaseFilter(states, kind, priority, assignee, overdue, latestCompleted);
        return new CaseQuery(filter, CaseAccess.visibleKinds(role), optional(parameters, "q"), sort,
                "desc".equalsIgnoreCase(dir), page, size);
    }

    private static Set<CaseState> states(List<String> values) {
        if (values == null) {
            return CaseFilter.NOT_CLOSED;
        }
        Set<CaseState> states = EnumSet.noneOf(CaseState.class);
        for (String value : values) {
            for (String word : value.split(",")) {
                if (word.isBlank()) {
                    continue;
                }
                if (word.trim().equalsIgnoreCase("all")) {
                    states.addAll(EnumSet.allOf(CaseState.class));
                } else {
                    states.add(parse(CaseState.class, "state", word));
                }
            }
        }
        return states.isEmpty() ? CaseFilter.NOT_CLOSED : states;
    }

    private static String optional(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean flag(MultiValueMap<String, String> parameters, String name) {
        String value = optional(parameters, name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new Bad(name + " must be true or false, not '" + value + "'");
    }

    private static int number(MultiValueMap<String, String> parameters, String name, int otherwise, int min, int max) {
        String value = optional(parameters, name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Bad(name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max)
                + ", not '" + value + "'");
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
            }
            throw new Bad("unknown " + name + " '" + value.trim() + "'; one of " + allowed);
        }
    }
}
