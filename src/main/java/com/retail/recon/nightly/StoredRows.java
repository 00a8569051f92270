package com.retail.recon.nightly;

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

/** Reads stored input versions back into domain values (the inverse of ingest's InputStore). */
final class StoredRows {

    private StoredRows() {
    }

    static OrderLine orderLine(ResultSet rs) throws SQLException {
        return new OrderLine(rs.getDate("business_date").toLocalDate(), rs.getString("order_id"),
                rs.getInt("line_no"), rs.getString("customer_id"), instant(rs, "placed_at"), rs.getString("sku"),
                rs.getString("category"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("tax"), rs.getString("currency"),
                PaymentMethod.valueOf(rs.getString("payment_method")),
                FulfillmentStatus.valueOf(rs.getString("fulfillment_status")), instant(rs, "shipped_at"));
    }

    static CancellationRequest cancellation(ResultSet rs) throws SQLException {
        return new CancellationRequest(rs.getDate("business_date").toLocalDate(), rs.getString("request_id"),
                rs.getString("order_id"), rs.getObject("line_no", Integer.class), rs.getString("customer_id"),
                instant(rs, "requested_at"), Channel.valueOf(rs.getString("channel")), rs.getString("reason"),
                RequestStatus.valueOf(rs.getString("status")), rs.getString("confirmation_number"),
                instant(rs, "decided_at"));
    }

    static RefundTxn refund(ResultSet rs) throws SQLException {
        return new RefundTxn(rs.getDate("business_date").toLocalDate(), rs.getString("txn_id"),
                rs.getString("order_id"), rs.getString("request_id"), RefundMethod.valueOf(rs.getString("method")),
                rs.getBigDecimal("amount"), rs.getString("currency"), RefundStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "settled_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long seconds = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochSecond(seconds);
    }
}
