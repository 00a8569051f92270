package com.retail.recon.domain;

import java.util.List;

/** The three exports of a business date and the columns each must have (found by header name). */
public enum InputFile {
    ORDERS("orders.csv", List.of("order_id", "line_no"), List.of(
            "order_id", "line_no", "customer_id", "placed_at", "sku", "category", "quantity", "unit_price", "tax",
            "currency", "payment_method", "fulfillment_status", "shipped_at")),
    CANCELLATIONS("cancellations.csv", List.of("request_id"), List.of(
            "request_id", "order_id", "line_no", "customer_id", "requested_at", "channel", "reason", "status",
            "confirmation_number", "decided_at")),
    REFUNDS("refunds.csv", List.of("txn_id"), List.of(
            "txn_id", "order_id", "request_id", "method", "amount", "currency", "status", "created_at",
            "settled_at"));

    private final String fileName;
    private final List<String> keyColumns;
    private final List<String> columns;

    InputFile(String fileName, List<String> keyColumns, List<String> columns) {
        this.fileName = fileName;
        this.keyColumns = keyColumns;
        this.columns = columns;
    }

    /** The name in the inbox folder and in the ledgers' {@code file} column. */
    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    /** The {@code field} of a DUPLICATE_KEY reject: the key columns joined with '+'. */
    public String keyField() {
        return String.join("+", keyColumns);
    }
}
