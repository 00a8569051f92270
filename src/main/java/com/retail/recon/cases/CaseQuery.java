package com.retail.recon.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One page of a listing for the desk: a {@link CaseFilter}, the kinds the reader may see, a text search, an
 * order and a page. The command line keeps listing through {@link CaseStore#list} (every case, by case_id).
 *
 * @param kinds  the kinds the reader sees (an AGENT: escalations only), whatever the filter asks
 * @param text   null or blank: no search; else a request id, order id or txn id, whole
 * @param page   1 is the first
 */
public record CaseQuery(CaseFilter filter, Set<CaseKind> kinds, String text, Sort sort, boolean descending,
                        int page, int size) {

    /** The orders the queue offers; ties are broken by case_id, so a page never shuffles. */
    public enum Sort {
        CASE_ID("case_id"),
        DUE("due_on"),
        PRIORITY("priority"), // HIGH before NORMAL by name too, so the column (and its index) sorts
        AMOUNT("amount"),
        OPENED("opened_on");

        final String expression;

        Sort(String expression) {
            this.expression = expression;
        }

        /** As in a URL: case_id, due, priority, amount, opened. */
        public String word() {
            return this == CASE_ID ? "case_id" : name().toLowerCase(Locale.ROOT);
        }

        public static Sort ofWord(String word) {
            for (Sort sort : values()) {
                if (sort.word().equalsIgnoreCase(word.trim())) {
                    return sort;
                }
            }
            throw new IllegalArgumentException("unknown sort '" + word + "'; one of case_id, due, priority, amount, opened");
        }
    }

    public CaseQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be 1 or more");
        }
        text = text == null || text.isBlank() ? null : text.trim();
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    CaseFilter.Sql toSql() {
        CaseFilter.Sql base = filter.toSql();
        List<String> conditions = new ArrayList<>(List.of(base.where()));
        List<Object> parameters = new ArrayList<>(base.parameters());
        if (kinds.isEmpty()) {
            conditions.add("1 = 0");
        } else if (kinds.size() < CaseKind.values().length) {
            StringBuilder in = new StringBuilder("kind IN (");
            for (CaseKind kind : kinds) {
                in.append(in.charAt(in.length() - 1) == '(' ? "?" : ", ?");
                parameters.add(kind.name());
            }
            conditions.add(in.append(')').toString());
        }
        if (text != null) {
            // the whole id, as typed or in capitals (cr-1009 finds CR-1009): an equality each column's index answers
            // on both stores, whatever PostgreSQL's collation (a prefix LIKE would scan every case there)
            String upper = text.toUpperCase(Locale.ROOT);
            conditions.add("(request_id IN (?, ?) OR order_id IN (?, ?) OR txn_id IN (?, ?))");
            for (int i = 0; i < 3; i++) {
                parameters.add(text);
                parameters.add(upper);
            }
        }
        return new CaseFilter.Sql(String.join(" AND ", conditions), parameters);
    }

    String orderBy() {
        String direction = descending ? " DESC" : "";
        return sort == Sort.CASE_ID ? "case_id" + direction : sort.expression + direction + ", case_id" + direction;
    }
}
