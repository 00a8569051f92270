package com.retail.recon.ingest;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Channel;
import com.retail.recon.domain.FulfillmentStatus;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.PaymentMethod;
import com.retail.recon.domain.RefundMethod;
import com.retail.recon.domain.RefundStatus;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.domain.RequestStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads stored input versions back into domain values (the inverse of ingest's InputStore). A query selects
 * a table's columns with {@link #columns}, in the order these read them, and says where they start.
 */
public final class StoredRows {

    public static final String ORDER_LINE = "business_date, order_id, line_no, customer_id, placed_at, sku, category, "
            + "quantity, unit_price, tax, currency, payment_method, fulfillment_status, shipped_at";
    public static final String CANCELLATION = "business_date, request_id, order_id, line_no, customer_id, requested_at, "
            + "channel, reason, status, confirmation_number, decided_at";
    public static final String REFUND = "business_date, txn_id, order_id, request_id, method, amount, currency, status, "
            + "created_at, settled_at";

    private StoredRows() {
    }

    /** A table's columns qualified by the query's alias for it: {@code l.business_date, l.order_id, ...}. */
    public static String columns(String alias, String columns) {
        return Arrays.stream(columns.split(", ")).map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** @param at the position of the first of {@link #ORDER_LINE}'s columns */
    public static OrderLine orderLine(ResultSet rs, int at) throws SQLException {
        return new OrderLine(date(rs, at), rs.getString(at + 1), rs.getInt(at + 2), rs.getString(at + 3),
                instant(rs, at + 4), rs.getString(at + 5), rs.getString(at + 6), rs.getInt(at + 7),
                rs.getBigDecimal(at + 8), rs.getBigDecimal(at + 9), rs.getString(at + 10),
                PaymentMethod.valueOf(rs.getString(at + 11)), FulfillmentStatus.valueOf(rs.getString(at + 12)),
                instant(rs, at + 13));
    }

    /** @param at the position of the first of {@link #CANCELLATION}'s columns */
    public static CancellationRequest cancellation(ResultSet rs, int at) throws SQLException {
        return new CancellationRequest(date(rs, at), rs.getString(at + 1), rs.getString(at + 2),
                rs.getObject(at + 3, Integer.class), rs.getString(at + 4), instant(rs, at + 5),
                Channel.valueOf(rs.getString(at + 6)), rs.getString(at + 7), RequestStatus.valueOf(rs.getString(at + 8)),
                rs.getString(at + 9), instant(rs, at + 10));
    }

    /** @param at the position of the first of {@link #REFUND}'s columns */
    public static RefundTxn refund(ResultSet rs, int at) throws SQLException {
        return new RefundTxn(date(rs, at), rs.getString(at + 1), rs.getString(at + 2), rs.getString(at + 3),
                RefundMethod.valueOf(rs.getString(at + 4)), rs.getBigDecimal(at + 5), rs.getString(at + 6),
                RefundStatus.valueOf(rs.getString(at + 7)), instant(rs, at + 8), instant(rs, at + 9));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long seconds = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochSecond(seconds);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long seconds = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochSecond(seconds);
    }
}
