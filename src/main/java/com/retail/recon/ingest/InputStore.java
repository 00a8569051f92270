package com.retail.recon.ingest;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Writes accepted input versions and rejects to the store, in JDBC batches inside the chunk's transaction. */
public class InputStore {

    private static final String INSERT_ORDER_LINE = """
            INSERT INTO order_line (business_date, line_number, order_id, line_no, customer_id, placed_at, sku,
                category, quantity, unit_price, tax, currency, payment_method, fulfillment_status, shipped_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CANCELLATION = """
            INSERT INTO cancellation (business_date, line_number, request_id, order_id, line_no, customer_id,
                requested_at, channel, reason, status, confirmation_number, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_REFUND = """
            INSERT INTO refund (business_date, line_number, txn_id, order_id, request_id, method, amount, currency,
                status, created_at, settled_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_REJECT = """
            INSERT INTO ingest_reject (business_date, file, line_number, reason, field, raw)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    public InputStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes what an earlier, abandoned attempt stored for this file and date. */
    public void clear(InputFile file, LocalDate businessDate) {
        jdbc.update("DELETE FROM " + table(file) + " WHERE business_date = ?", businessDate);
        jdbc.update("DELETE FROM ingest_reject WHERE business_date = ? AND file = ?", businessDate, file.fileName());
        jdbc.update("DELETE FROM ingest_count WHERE business_date = ? AND file = ?", businessDate, file.fileName());
    }

    public static String table(InputFile file) {
        return switch (file) {
            case ORDERS -> "order_line";
            case CANCELLATIONS -> "cancellation";
            case REFUNDS -> "refund";
        };
    }

    public void insertAccepted(InputFile file, List<IngestedRow.Accepted> rows) {
        if (rows.isEmpty()) {
            return;
        }
        switch (file) {
            case ORDERS -> jdbc.batchUpdate(INSERT_ORDER_LINE, rows, rows.size(), (ps, row) -> {
                OrderLine line = (OrderLine) row.value();
                ps.setDate(1, Date.valueOf(line.businessDate()));
                ps.setLong(2, row.lineNumber());
                ps.setString(3, line.orderId());
                ps.setInt(4, line.lineNo());
                ps.setString(5, line.customerId());
                ps.setLong(6, line.placedAt().getEpochSecond());
                ps.setString(7, line.sku());
                ps.setString(8, line.category());
                ps.setInt(9, line.quantity());
                ps.setBigDecimal(10, line.unitPrice());
                ps.setBigDecimal(11, line.tax());
                ps.setString(12, line.currency());
                ps.setString(13, line.paymentMethod().name());
                ps.setString(14, line.fulfillmentStatus().name());
                setInstant(ps, 15, line.shippedAt());
            });
            case CANCELLATIONS -> jdbc.batchUpdate(INSERT_CANCELLATION, rows, rows.size(), (ps, row) -> {
                CancellationRequest request = (CancellationRequest) row.value();
                ps.setDate(1, Date.valueOf(request.businessDate()));
                ps.setLong(2, row.lineNumber());
                ps.setString(3, request.requestId());
                ps.setString(4, request.orderId());
                if (request.lineNo() == null) {
                    ps.setNull(5, Types.INTEGER);
                } else {
                    ps.setInt(5, request.lineNo());
                }
                ps.setString(6, request.customerId());
                ps.setLong(7, request.requestedAt().getEpochSecond());
                ps.setString(8, request.channel().name());
                ps.setString(9, request.reason());
                ps.setString(10, request.status().name());
                ps.setString(11, request.confirmationNumber());
                setInstant(ps, 12, request.decidedAt());
            });
            case REFUNDS -> jdbc.batchUpdate(INSERT_REFUND, rows, rows.size(), (ps, row) -> {
                RefundTxn refund = (RefundTxn) row.value();
                ps.setDate(1, Date.valueOf(refund.businessDate()));
                ps.setLong(2, row.lineNumber());
                ps.setString(3, refund.txnId());
                ps.setString(4, refund.orderId());
                ps.setString(5, refund.requestId());
                ps.setString(6, refund.method().name());
                ps.setBigDecimal(7, refund.amount());
                ps.setString(8, refund.currency());
                ps.setString(9, refund.status().name());
                ps.setLong(10, refund.createdAt().getEpochSecond());
                setInstant(ps, 11, refund.settledAt());
            });
        }
    }

    public void insertRejects(InputFile file, LocalDate businessDate, List<IngestedRow.Rejected> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT_REJECT, rows, rows.size(), (ps, row) -> {
            ps.setDate(1, Date.valueOf(businessDate));
            ps.setString(2, file.fileName());
            ps.setLong(3, row.lineNumber());
            ps.setString(4, row.reason().name());
            ps.setString(5, row.field());
            ps.setString(6, row.raw());
        });
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.getEpochSecond());
        }
    }

}
