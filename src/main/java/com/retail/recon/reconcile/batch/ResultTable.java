package com.retail.recon.reconcile.batch;

import com.retail.recon.system.CopyText;
import com.retail.recon.system.Postgres;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
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
        CopyText text = new CopyText(rows.size() * 32 * (table.columns().size() + 1) / 4);
        for (T row : rows) {
            text.field(date);
            for (Object value : table.values().apply(row)) {
                text.field(value);
            }
            text.endRow();
        }
        Postgres.copyIn(dataSource, table.copy(), table.name(), text.text());
    }
}
