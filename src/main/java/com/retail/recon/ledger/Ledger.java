package com.retail.recon.ledger;

import java.util.List;

/**
 * The six CSV ledgers of a bundle: their file, header and the query that yields their rows in ledger
 * order. Columns are the spec's, in the spec's order (rejects.csv adds {@code field} at the end).
 */
public enum Ledger {
    CANCELLATIONS("cancellations.csv", List.of("business_date", "request_id", "order_id", "line_no", "customer_id",
            "channel", "storefront_status", "requested_at", "decided_at", "confirmation_number", "policy_check",
            "outcome", "expected_refund", "settled_amount", "pending_amount", "currency", "age_hours", "flagged"),
            "SELECT * FROM recon_request WHERE business_date = ? ORDER BY request_id"),
    REFUNDS("refunds.csv", List.of("business_date", "txn_id", "order_id", "request_id", "assigned_request_id",
            "method", "amount", "currency", "status", "created_at", "settled_at"),
            "SELECT * FROM recon_refund WHERE business_date = ? ORDER BY txn_id"),
    ESCALATIONS("escalations.csv", List.of("business_date", "request_id", "order_id", "customer_id", "outcome",
            "policy_check", "priority", "age_hours", "new", "suggested_action"),
            "SELECT * FROM recon_request WHERE business_date = ? AND flagged = TRUE ORDER BY request_id"),
    EXCEPTIONS("exceptions.csv", List.of("business_date", "exception_type", "request_id", "order_id", "txn_id",
            "amount", "currency", "detail"),
            "SELECT * FROM recon_exception WHERE business_date = ?"
                    + " ORDER BY exception_type, request_id, txn_id, order_id"),
    REJECTS("rejects.csv", List.of("business_date", "file", "line_number", "reason", "raw", "field"),
            "SELECT * FROM ingest_reject WHERE business_date = ? ORDER BY file, line_number"),
    SUMMARY("summary.csv", List.of("business_date", "outcome", "currency", "requests", "expected_refund",
            "settled_amount"),
            "SELECT business_date, outcome, currency, COUNT(*) AS requests,"
                    + " SUM(expected_refund) AS expected_refund, SUM(settled_amount) AS settled_amount"
                    + " FROM recon_request WHERE business_date = ?"
                    + " GROUP BY business_date, outcome, currency ORDER BY outcome, currency");

    private final String fileName;
    private final List<String> columns;
    private final String query;

    Ledger(String fileName, List<String> columns, String query) {
        this.fileName = fileName;
        this.columns = columns;
        this.query = query;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    public String query() {
        return query;
    }
}
