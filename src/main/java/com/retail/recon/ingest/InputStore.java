package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.system.CopyText;
import com.retail.recon.system.Postgres;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes accepted input versions and rejects to the store inside the chunk's transaction: with COPY on
 * PostgreSQL (several times faster than batched INSERTs), with JDBC batches elsewhere. A rollback of the
 * chunk undoes either.
 */
public class InputStore {

    /** A table's columns, their SQL types, and how a row becomes its values (in that order). */
    private record Table<T>(String name, List<String> columns, int[] types, Function<T, Object[]> values) {
        String insert() {
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        }

        String copy() {
            return "COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN";
        }
    }

    private static final Table<IngestedRow.Accepted> ORDER_LINES = new Table<>("order_line",
            List.of("business_date", "line_number", "order_id", "line_no", "customer_id", "placed_at", "sku",
                    "category", "quantity", "unit_price", "tax", "currency", "payment_method", "fulfillment_status",
                    "shipped_at"),
            new int[]{Types.DATE, Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.BIGINT,
                    Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.DECIMAL, Types.DECIMAL, Types.VARCHAR,
                    Types.VARCHAR, Types.VARCHAR, Types.BIGINT},
            row -> {
                OrderLine l = (OrderLine) row.value();
                return new Object[]{l.businessDate(), row.lineNumber(), l.orderId(), l.lineNo(), l.customerId(),
                        seconds(l.placedAt()), l.sku(), l.category(), l.quantity(), l.unitPrice(), l.tax(),
                        l.currency(), l.paymentMethod().name(), l.fulfillmentStatus().name(), seconds(l.shippedAt())};
            });
    private static final Table<IngestedRow.Accepted> CANCELLATIONS = new Table<>("cancellation",
            List.of("business_date", "line_number", "request_id", "order_id", "line_no", "customer_id",
                    "requested_at", "channel", "reason", "status", "confirmation_number", "decided_at"),
            new int[]{Types.DATE, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
                    Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT},
            row -> {
                CancellationRequest c = (CancellationRequest) row.value();
                return new Object[]{c.businessDate(), row.lineNumber(), c.requestId(), c.orderId(), c.lineNo(),
                        c.customerId(), seconds(c.requestedAt()), c.channel().name(), c.reason(), c.status().name(),
                        c.confirmationNumber(), seconds(c.decidedAt())};
            });
    private static final Table<IngestedRow.Accepted> REFUNDS = new Table<>("refund",
            List.of("business_date", "line_number", "txn_id", "order_id", "request_id", "method", "amount",
                    "currency", "status", "created_at", "settled_at"),
            new int[]{Types.DATE, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                    Types.DECIMAL, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT},
            row -> {
                RefundTxn r = (RefundTxn) row.value();
                return new Object[]{r.businessDate(), row.lineNumber(), r.txnId(), r.orderId(), r.requestId(),
                        r.method().name(), r.amount(), r.currency(), r.status().name(), seconds(r.createdAt()),
                        seconds(r.settledAt())};
            });

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final boolean copy;

    public InputStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.copy = Postgres.is(dataSource);
    }

    /** Whether the store is PostgreSQL (COPY, statistics) rather than H2. */
    public boolean isPostgres() {
        return copy;
    }

    /**
     * Removes what an earlier, abandoned attempt stored for the records of this file and date that start on
     * lines {@code [fromLine, toLine)}.
     */
    public void clear(InputFile file, LocalDate businessDate, long fromLine, long toLine) {
        jdbc.update("DELETE FROM " + table(file) + " WHERE business_date = ? AND line_number >= ? AND line_number < ?",
                businessDate, fromLine, toLine);
        jdbc.update("DELETE FROM ingest_reject WHERE business_date = ? AND file = ? AND line_number >= ? "
                + "AND line_number < ?", businessDate, file.fileName(), fromLine, toLine);
    }

    public static String table(InputFile file) {
        return tableOf(file).name();
    }

    private static Table<IngestedRow.Accepted> tableOf(InputFile file) {
        return switch (file) {
            case ORDERS -> ORDER_LINES;
            case CANCELLATIONS -> CANCELLATIONS;
            case REFUNDS -> REFUNDS;
        };
    }

    public void insertAccepted(InputFile file, List<IngestedRow.Accepted> rows) {
        if (!rows.isEmpty()) {
            write(tableOf(file), rows);
        }
    }

    /**
     * On PostgreSQL, lets this transaction commit without waiting for its WAL to reach the disk. Safe for an
     * ingest chunk: its rows and the step's checkpoint commit together, so a server crash can lose only both
     * (the last fraction of a second of chunks), and the restart reads those records again. Steps that end
     * a run commit durably as usual, which also flushes everything before them.
     */
    public void commitWithoutWaitingForDisk() {
        if (copy) {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        }
    }

    public void insertRejects(InputFile file, LocalDate businessDate, List<IngestedRow.Rejected> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO ingest_reject (business_date, file, line_number, reason, field, raw) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rows, rows.size(), (ps, row) -> {
                    ps.setObject(1, businessDate);
                    ps.setString(2, file.fileName());
                    ps.setLong(3, row.lineNumber());
                    ps.setString(4, row.reason().name());
                    ps.setString(5, row.field());
                    ps.setString(6, row.raw());
                });
    }

    private <T> void write(Table<T> table, List<? extends T> rows) {
        if (copy) {
            copyIn(table, rows);
            return;
        }
        jdbc.batchUpdate(table.insert(), new ArrayList<>(rows), rows.size(), (ps, row) -> {
            Object[] values = table.values().apply(row);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    ps.setNull(i + 1, table.types()[i]);
                } else {
                    ps.setObject(i + 1, values[i]);
                }
            }
        });
    }

    /** COPY ... FROM STDIN on the transaction's own connection: part of the chunk, undone by its rollback. */
    private <T> void copyIn(Table<T> table, List<? extends T> rows) {
        CopyText text = new CopyText(rows.size() * 160);
        for (T row : rows) {
            for (Object value : table.values().apply(row)) {
                text.field(value);
            }
            text.endRow();
        }
        Postgres.copyIn(dataSource, table.copy(), table.name(), text.text());
    }

    private static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
