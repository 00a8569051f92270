package com.retail.recon.reconcile.batch;

import com.retail.recon.domain.Money;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.ReportedRequest;
import com.retail.recon.system.BulkTable;
import com.retail.recon.system.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The per-date results the ledgers are written from: reported requests, refund rows, exceptions. */
@Component
public class ResultStore {

    private final JdbcTemplate jdbc;
    private final Database database;

    public ResultStore(JdbcTemplate jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** A refund row of the ledger: the transaction and the request it was assigned to (null: unassigned). */
    public record RefundRow(RefundTxn refund, String assignedRequestId) {
    }

    public void clear(LocalDate businessDate) {
        for (String table : List.of("recon_request", "recon_refund", "recon_exception", "recon_candidate",
                "recon_receipt_line")) {
            jdbc.update("DELETE FROM " + table + " WHERE business_date = ?", businessDate);
        }
    }

    /**
     * The orders D re-evaluates, among orders that have a request: those with a request still open at its
     * latest result before D, and those any row of D may affect (a line of the order, a request or an
     * earlier version of it, a refund or an earlier version of it naming one of its requests or, naming
     * none, the order itself). Requests on other orders were terminal before D and are untouched: D does
     * not report them. Each part is driven from D's rows or from the open requests of the dates that carry
     * open items into D ({@code carried}: BusinessDays.carryingOpenItemsInto; read through the results'
     * primary key), never from all order lines or all history. On PostgreSQL the joins go through the indexes
     * whatever the planner's estimates (a hash join would read a whole input table, which grows every night).
     */
    public int selectCandidates(LocalDate businessDate, List<LocalDate> carried) {
        Date d = Date.valueOf(businessDate);
        List<Object> parameters = new ArrayList<>(List.of(d));
        StringBuilder open = new StringBuilder();
        for (LocalDate date : carried) {
            open.append("SELECT r.order_id FROM recon_request r WHERE r.business_date = ? AND r.terminal = FALSE\n")
                    .append("UNION\n");
            parameters.add(Date.valueOf(date));
        }
        parameters.addAll(List.of(d, d, d, d, d, d, d, d, d, d));
        settingsForOneLargeQuery();
        database.indexLookupsOnly();
        return jdbc.update("""
                INSERT INTO recon_candidate (business_date, seq, order_id)
                SELECT ?, ROW_NUMBER() OVER (ORDER BY order_id), order_id FROM (
                """ + open + """
                    SELECT c.order_id FROM order_line l
                        JOIN cancellation c ON c.order_id = l.order_id AND c.business_date <= ?
                        WHERE l.business_date = ?
                    UNION
                    SELECT p.order_id FROM cancellation c
                        JOIN cancellation p ON p.request_id = c.request_id AND p.business_date <= ?
                        WHERE c.business_date = ?
                    UNION
                    SELECT c.order_id FROM refund t
                        JOIN refund v ON v.txn_id = t.txn_id AND v.business_date <= ?
                        JOIN cancellation c ON c.request_id = v.request_id AND c.business_date <= ?
                        WHERE t.business_date = ?
                    UNION
                    SELECT c.order_id FROM refund t
                        JOIN refund v ON v.txn_id = t.txn_id AND v.business_date <= ? AND v.request_id IS NULL
                        JOIN cancellation c ON c.order_id = v.order_id AND c.business_date <= ?
                        WHERE t.business_date = ?
                ) affected""", parameters.toArray());
    }

    /**
     * On PostgreSQL, for the current transaction: one large query whose sorts and hashes stay in memory, without
     * JIT compilation (it costs more than it saves on a query that runs once).
     */
    void settingsForOneLargeQuery() {
        if (database.isPostgres()) {
            jdbc.execute("SET LOCAL work_mem = '64MB'");
            jdbc.execute("SET LOCAL jit = off");
        }
    }

    /** So that the reconcile queries plan for tonight's candidates (a few need no plan). */
    void refreshCandidateStatistics(long candidates) {
        database.analyze("recon_candidate", candidates);
    }

    /**
     * After a night's results were written: the planner learns their size for the ledger and receipt
     * queries. Only the columns those queries filter, join or sort on are analyzed (a full ANALYZE of the four
     * tables costs several times more).
     */
    public void refreshStatistics(long reportedRequests) {
        for (String table : List.of("recon_request (business_date, request_id, terminal, flagged, became_refunded)",
                "recon_refund (business_date, txn_id, assigned_request_id)",
                "recon_exception (business_date)", "recon_receipt_line (business_date, request_id)")) {
            database.analyze(table, reportedRequests);
        }
    }

    public void insertRequests(LocalDate businessDate, List<ReportedRequest> requests) {
        database.write(REQUESTS, businessDate, requests);
    }

    public void insertRefunds(LocalDate businessDate, List<RefundRow> rows) {
        database.write(REFUNDS, businessDate, rows);
    }

    /** The lines a receipt shows, with the fee the policy kept on each. */
    public record ReceiptLine(String requestId, OrderLine line, Money fee) {
    }

    public void insertReceiptLines(LocalDate businessDate, List<ReceiptLine> lines) {
        database.write(RECEIPT_LINES, businessDate, lines);
    }

    public void insertExceptions(LocalDate businessDate, List<FinanceException> exceptions) {
        database.write(EXCEPTIONS, businessDate, exceptions);
    }

    private static final BulkTable<ReportedRequest> REQUESTS = BulkTable.<ReportedRequest>named("recon_request")
            .text("request_id", r -> r.today().request().requestId())
            .text("order_id", r -> r.today().request().orderId())
            .optionalInteger("line_no", r -> r.today().request().lineNo())
            .text("customer_id", r -> r.today().request().customerId())
            .text("channel", r -> r.today().request().channel().name())
            .text("storefront_status", r -> r.today().status().name())
            .epochSeconds("requested_at", r -> r.today().request().requestedAt())
            .epochSeconds("decided_at", r -> r.today().request().decidedAt())
            .text("confirmation_number", r -> r.today().request().confirmationNumber())
            .text("policy_check", r -> r.today().policyCheck() == null ? null : r.today().policyCheck().name())
            .text("outcome", r -> r.today().outcome().name())
            .decimal("expected_refund", r -> amount(r.today().expectedRefund()))
            .decimal("settled_amount", r -> amount(r.today().settledAmount()))
            .decimal("pending_amount", r -> amount(r.today().pendingAmount()))
            .text("currency", r -> r.today().currency())
            .bigint("age_hours", r -> r.today().ageHours())
            .flag("flagged", ReportedRequest::isFlagged)
            .text("priority", r -> r.isFlagged() ? r.priority().name() : null)
            .flag("newly_flagged", ReportedRequest::isNewlyFlagged)
            .text("suggested_action", r -> r.isFlagged() ? r.suggestedAction() : null)
            .flag("terminal", r -> r.today().isTerminal())
            .flag("became_refunded", ReportedRequest::becameRefunded);

    private static final BulkTable<RefundRow> REFUNDS = BulkTable.<RefundRow>named("recon_refund")
            .text("txn_id", row -> row.refund().txnId())
            .text("order_id", row -> row.refund().orderId())
            .text("request_id", row -> row.refund().requestId())
            .text("assigned_request_id", RefundRow::assignedRequestId)
            .text("method", row -> row.refund().method().name())
            .decimal("amount", row -> row.refund().amount())
            .text("currency", row -> row.refund().currency())
            .text("status", row -> row.refund().status().name())
            .epochSeconds("created_at", row -> row.refund().createdAt())
            .epochSeconds("settled_at", row -> row.refund().settledAt());

    private static final BulkTable<ReceiptLine> RECEIPT_LINES = BulkTable.<ReceiptLine>named("recon_receipt_line")
            .text("request_id", ReceiptLine::requestId)
            .integer("line_no", row -> row.line().lineNo())
            .text("sku", row -> row.line().sku())
            .integer("quantity", row -> row.line().quantity())
            .decimal("unit_price", row -> row.line().unitPrice())
            .decimal("tax", row -> row.line().tax())
            .decimal("fee", row -> row.fee().amount())
            .text("currency", row -> row.line().currency());

    /** request_id and txn_id are '' when not applicable (see V2). */
    private static final BulkTable<FinanceException> EXCEPTIONS = BulkTable.<FinanceException>named("recon_exception")
            .text("exception_type", x -> x.type().name())
            .text("request_id", x -> x.requestId() == null ? "" : x.requestId())
            .text("txn_id", x -> x.txnId() == null ? "" : x.txnId())
            .text("order_id", FinanceException::orderId)
            .decimal("amount", x -> amount(x.amount()))
            .text("currency", FinanceException::currency)
            .text("detail", FinanceException::detail);

    /** An amount column: the amount at its currency's digits (the currency has its own column); none for null. */
    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
