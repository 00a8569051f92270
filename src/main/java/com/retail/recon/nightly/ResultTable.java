package com.retail.recon.nightly;

import com.retail.recon.system.Postgres;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A result table and how one result becomes its row (after the business_date column, which every result
 * table starts with). Rows are written inside the chunk's transaction: with COPY on PostgreSQL (several times
 * less work for the server than batched INSERTs), with JDBC batches elsewhere. A rollback undoes either.
 */
record ResultTable<T>(String name, List<String> columns, int[] types, Function<T, Object[]> values) {

    String insert() {
        return "INSERT INTO " + name + " (business_date, " + String.join(", ", columns) + ") VALUES (?, "
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    String copy() {
        return "COPY " + name + " (business_date, " + String.join(", ", columns) + ") FROM STDIN";
    }

    void batchInsert(JdbcTemplate jdbc, LocalDate businessDate, List<? extends T> rows) {
        Date date = Date.valueOf(businessDate);
        jdbc.batchUpdate(insert(), new ArrayList<>(rows), rows.size(), (ps, row) -> {
            ps.setDate(1, date);
            Object[] values = values().apply(row);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    ps.setNull(i + 2, types[i]);
                } else {
                    ps.setObject(i + 2, values[i]);
                }
            }
        });
    }

    /** COPY ... FROM STDIN (text format) on the transaction's own connection. */
    static <T> void copyIn(DataSource dataSource, ResultTable<T> table, LocalDate businessDate,
                           List<? extends T> rows) {
        String date = businessDate.toString();
        StringBuilder text = new StringBuilder(rows.size() * 32 * (table.columns().size() + 1) / 4);
        for (T row : rows) {
            text.append(date);
            for (Object value : table.values().apply(row)) {
                text.append('\t');
                appendText(text, value);
            }
            text.append('\n');
        }
        Postgres.copyIn(dataSource, table.copy(), table.name(), text);
    }

    /** COPY's text format: \N is NULL; backslash, tab, line feed and carriage return are escaped. */
    private static void appendText(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            if (needsEscaping(s)) {
                appendEscaped(text, s);
            } else {
                text.append(s);
            }
        } else if (value instanceof BigDecimal amount) {
            text.append(amount.toPlainString());
        } else if (value instanceof Boolean flag) {
            text.append(flag ? 't' : 'f');
        } else {
            text.append(value);
        }
    }

    private static boolean needsEscaping(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static void appendEscaped(StringBuilder text, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
