package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.ingest.IngestedRow.Accepted;
import com.retail.recon.system.BulkTable;
import com.retail.recon.system.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes accepted input versions and rejects to the store inside the chunk's transaction: the versions with
 * COPY on PostgreSQL (several times faster than batched INSERTs) and JDBC batches elsewhere ({@link
 * Database#write}), the few rejects with JDBC batches. A rollback of the chunk undoes either.
 */
@Component
public class InputStore {

    private static final BulkTable<Accepted> ORDER_LINES = BulkTable.<Accepted>named("order_line")
            .bigint("line_number", Accepted::lineNumber)
            .text("order_id", row -> line(row).orderId())
            .integer("line_no", row -> line(row).lineNo())
            .text("customer_id", row -> line(row).customerId())
            .epochSeconds("placed_at", row -> line(row).placedAt())
            .text("sku", row -> line(row).sku())
            .text("category", row -> line(row).category())
            .integer("quantity", row -> line(row).quantity())
            .decimal("unit_price", row -> line(row).unitPrice())
            .decimal("tax", row -> line(row).tax())
            .text("currency", row -> line(row).currency())
            .text("payment_method", row -> line(row).paymentMethod().name())
            .text("fulfillment_status", row -> line(row).fulfillmentStatus().name())
            .epochSeconds("shipped_at", row -> line(row).shippedAt());

    private static final BulkTable<Accepted> CANCELLATIONS = BulkTable.<Accepted>named("cancellation")
            .bigint("line_number", Accepted::lineNumber)
            .text("request_id", row -> request(row).requestId())
            .text("order_id", row -> request(row).orderId())
            .optionalInteger("line_no", row -> request(row).lineNo())
            .text("customer_id", row -> request(row).customerId())
            .epochSeconds("requested_at", row -> request(row).requestedAt())
            .text("channel", row -> request(row).channel().name())
            .text("reason", row -> request(row).reason())
            .text("status", row -> request(row).status().name())
            .text("confirmation_number", row -> request(row).confirmationNumber())
            .epochSeconds("decided_at", row -> request(row).decidedAt());

    private static final BulkTable<Accepted> REFUNDS = BulkTable.<Accepted>named("refund")
            .bigint("line_number", Accepted::lineNumber)
            .text("txn_id", row -> refund(row).txnId())
            .text("order_id", row -> refund(row).orderId())
            .text("request_id", row -> refund(row).requestId())
            .text("method", row -> refund(row).method().name())
            .decimal("amount", row -> refund(row).amount())
            .text("currency", row -> refund(row).currency())
            .text("status", row -> refund(row).status().name())
            .epochSeconds("created_at", row -> refund(row).createdAt())
            .epochSeconds("settled_at", row -> refund(row).settledAt());

    private final JdbcTemplate jdbc;
    private final Database database;

    public InputStore(JdbcTemplate jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
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

    private static BulkTable<Accepted> tableOf(InputFile file) {
        return switch (file) {
            case ORDERS -> ORDER_LINES;
            case CANCELLATIONS -> CANCELLATIONS;
            case REFUNDS -> REFUNDS;
        };
    }

    /** The accepted rows of one business date (the date their values carry). */
    public void insertAccepted(InputFile file, LocalDate businessDate, List<Accepted> rows) {
        database.write(tableOf(file), businessDate, rows);
    }

    /**
     * After a big load, PostgreSQL's planner still holds the statistics of the smaller table (autovacuum
     * analyzes later, asynchronously): refresh them now, so that this night's own queries plan well. (With
     * stale statistics the candidates of a reconcile partition looked like one row, and the refunds of 20,000
     * orders were found by 20,000 scans.)
     */
    public void refreshStatistics(InputFile file, long rowsLoaded) {
        database.analyze(table(file), rowsLoaded);
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

    private static OrderLine line(Accepted row) {
        return (OrderLine) row.value();
    }

    private static CancellationRequest request(Accepted row) {
        return (CancellationRequest) row.value();
    }

    private static RefundTxn refund(Accepted row) {
        return (RefundTxn) row.value();
    }
}
