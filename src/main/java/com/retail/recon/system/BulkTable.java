package com.retail.recon.system;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A table the night writes many rows of at once ({@link Database#write}), described once: its name and its
 * columns in order, each with how a row gives its value. The INSERT statement, the COPY statement, each row's
 * COPY text and each row's bound parameters all follow that one list, so they cannot disagree.
 * <p>
 * Every such table is kept by business date: its first column is {@code business_date}, the same for all the
 * rows of one write and given with them, and the columns described here follow it. Described column by column,
 * from {@link #named}:
 * <pre>{@code
 * BulkTable.<OrderLine>named("order_line").text("order_id", OrderLine::orderId).integer("line_no", OrderLine::lineNo)
 * }</pre>
 * Each kind of column appends its value to the COPY text and binds it to an INSERT without boxing numbers.
 * Immutable: each step of the description returns a new table.
 */
public final class BulkTable<T> {

    /** One column: its name, and how a row's value goes into COPY text or to an INSERT's parameter. */
    private record Column<T>(String name, CopyValue<T> copy, BindValue<T> bind) {
    }

    private interface CopyValue<T> {
        void append(T row, CopyText text);
    }

    private interface BindValue<T> {
        void bind(T row, PreparedStatement statement, int parameter) throws SQLException;
    }

    private final String name;
    private final List<Column<T>> columns;
    private final String insert;
    private final String copy;

    private BulkTable(String name, List<Column<T>> columns) {
        this.name = name;
        this.columns = columns;
        List<String> names = columnNames();
        this.insert = "INSERT INTO " + name + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
        this.copy = "COPY " + name + " (" + String.join(", ", names) + ") FROM STDIN";
    }

    /** A table with only its business_date column so far. */
    public static <T> BulkTable<T> named(String name) {
        return new BulkTable<>(name, List.of());
    }

    public String name() {
        return name;
    }

    /** Text (VARCHAR); null is NULL. */
    public BulkTable<T> text(String column, Function<? super T, String> value) {
        return with(new Column<>(column, (row, text) -> text.field(value.apply(row)), (row, statement, i) -> {
            String v = value.apply(row);
            if (v == null) {
                statement.setNull(i, Types.VARCHAR);
            } else {
                statement.setString(i, v);
            }
        }));
    }

    /** A whole number that is never null (INTEGER). */
    public BulkTable<T> integer(String column, ToIntFunction<? super T> value) {
        return with(new Column<>(column, (row, text) -> text.field(value.applyAsInt(row)),
                (row, statement, i) -> statement.setInt(i, value.applyAsInt(row))));
    }

    /** A whole number that may be missing (INTEGER); null is NULL. */
    public BulkTable<T> optionalInteger(String column, Function<? super T, Integer> value) {
        return with(new Column<>(column, (row, text) -> {
            Integer v = value.apply(row);
            if (v == null) {
                text.nullField();
            } else {
                text.field(v.intValue());
            }
        }, (row, statement, i) -> {
            Integer v = value.apply(row);
            if (v == null) {
                statement.setNull(i, Types.INTEGER);
            } else {
                statement.setInt(i, v);
            }
        }));
    }

    /** A whole number that is never null (BIGINT). */
    public BulkTable<T> bigint(String column, ToLongFunction<? super T> value) {
        return with(new Column<>(column, (row, text) -> text.field(value.applyAsLong(row)),
                (row, statement, i) -> statement.setLong(i, value.applyAsLong(row))));
    }

    /** An instant as whole seconds since the epoch (BIGINT, as the store keeps instants); null is NULL. */
    public BulkTable<T> epochSeconds(String column, Function<? super T, Instant> value) {
        return with(new Column<>(column, (row, text) -> {
            Instant v = value.apply(row);
            if (v == null) {
                text.nullField();
            } else {
                text.field(v.getEpochSecond());
            }
        }, (row, statement, i) -> {
            Instant v = value.apply(row);
            if (v == null) {
                statement.setNull(i, Types.BIGINT);
            } else {
                statement.setLong(i, v.getEpochSecond());
            }
        }));
    }

    /** A decimal number (DECIMAL); null is NULL. */
    public BulkTable<T> decimal(String column, Function<? super T, BigDecimal> value) {
        return with(new Column<>(column, (row, text) -> text.field(value.apply(row)), (row, statement, i) -> {
            BigDecimal v = value.apply(row);
            if (v == null) {
                statement.setNull(i, Types.DECIMAL);
            } else {
                statement.setBigDecimal(i, v);
            }
        }));
    }

    /** A calendar date (DATE); null is NULL. */
    public BulkTable<T> date(String column, Function<? super T, LocalDate> value) {
        return with(new Column<>(column, (row, text) -> {
            LocalDate v = value.apply(row);
            if (v == null) {
                text.nullField();
            } else {
                text.field(v.toString());
            }
        }, (row, statement, i) -> {
            LocalDate v = value.apply(row);
            if (v == null) {
                statement.setNull(i, Types.DATE);
            } else {
                statement.setObject(i, v);
            }
        }));
    }

    /** A flag that is never null (BOOLEAN). */
    public BulkTable<T> flag(String column, Predicate<? super T> value) {
        return with(new Column<>(column, (row, text) -> text.field(value.test(row)),
                (row, statement, i) -> statement.setBoolean(i, value.test(row))));
    }

    private BulkTable<T> with(Column<T> column) {
        List<Column<T>> more = new ArrayList<>(columns);
        more.add(column);
        return new BulkTable<>(name, List.copyOf(more));
    }

    /** All columns, business_date first, as the statements list them. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size() + 1);
        names.add("business_date");
        columns.forEach(column -> names.add(column.name()));
        return names;
    }

    String insert() {
        return insert;
    }

    String copy() {
        return copy;
    }

    /** The rows of one business date in COPY's text format (about ten characters a column, to size it). */
    CopyText copyText(LocalDate businessDate, List<? extends T> rows) {
        String date = businessDate.toString();
        CopyText text = new CopyText(rows.size() * 10 * (columns.size() + 1));
        int count = columns.size();
        for (T row : rows) {
            text.field(date);
            for (int i = 0; i < count; i++) {
                columns.get(i).copy().append(row, text);
            }
            text.endRow();
        }
        return text;
    }

    /** Binds one row of the business date to the parameters of {@link #insert()}. */
    void bind(LocalDate businessDate, T row, PreparedStatement statement) throws SQLException {
        statement.setObject(1, businessDate);
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).bind().bind(row, statement, i + 2);
        }
    }
}
