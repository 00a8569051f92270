package com.retail.recon.nightly;

import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.Evaluation;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.ReportedRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The per-date results the ledgers are written from: reported requests, refund rows, exceptions. */
public class ResultStore {

    private final JdbcTemplate jdbc;

    public ResultStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
     * not report them. Each part is driven from D's rows or from the open requests, never from all order
     * lines or all history.
     *
     * <p>Open requests are reported every date, so the previous completed date P lists every request open as
     * of its data; a date that ran late (after P completed) may hold open requests P never saw, so the open
     * rows of dates that completed after P are added.
     */
    public int selectCandidates(LocalDate businessDate) {
        Date d = Date.valueOf(businessDate);
        return jdbc.update("""
                INSERT INTO recon_candidate (business_date, seq, order_id)
                SELECT ?, ROW_NUMBER() OVER (ORDER BY order_id), order_id FROM (
                    SELECT r.order_id FROM recon_request r
                        JOIN business_day p ON p.business_date = r.business_date
                        WHERE r.terminal = FALSE AND p.business_date = (SELECT MAX(business_date)
                            FROM business_day WHERE completed = TRUE AND business_date < ?)
                    UNION
                    SELECT r.order_id FROM recon_request r
                        JOIN business_day late ON late.business_date = r.business_date
                        WHERE r.terminal = FALSE AND r.business_date < ? AND late.completed_at > (
                            SELECT completed_at FROM business_day WHERE business_date = (SELECT MAX(business_date)
                                FROM business_day WHERE completed = TRUE AND business_date < ?))
                    UNION
                    SELECT c.order_id FROM cancellation c WHERE c.business_date <= ?
                        AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = c.order_id AND l.business_date = ?)
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
                ) affected""", d, d, d, d, d, d, d, d, d, d, d, d, d, d);
    }

    /** Earlier dates of this store that have not completed (their data may be partial). */
    public List<LocalDate> incompleteDatesBefore(LocalDate businessDate) {
        return jdbc.queryForList("SELECT business_date FROM business_day WHERE completed = FALSE "
                + "AND business_date < ? ORDER BY business_date", LocalDate.class, businessDate);
    }

    public void insertRequests(LocalDate businessDate, List<ReportedRequest> requests) {
        jdbc.batchUpdate("""
                INSERT INTO recon_request (business_date, request_id, order_id, line_no, customer_id, channel,
                    storefront_status, requested_at, decided_at, confirmation_number, policy_check, outcome,
                    expected_refund, settled_amount, pending_amount, currency, age_hours, flagged, priority,
                    newly_flagged, suggested_action, terminal, became_refunded)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                requests, requests.size(), (ps, reported) -> {
                    Evaluation e = reported.today();
                    ps.setDate(1, Date.valueOf(businessDate));
                    ps.setString(2, e.request().requestId());
                    ps.setString(3, e.request().orderId());
                    ps.setObject(4, e.request().lineNo(), Types.INTEGER);
                    ps.setString(5, e.request().customerId());
                    ps.setString(6, e.request().channel().name());
                    ps.setString(7, e.status().name());
                    ps.setLong(8, e.request().requestedAt().getEpochSecond());
                    setInstant(ps, 9, e.request().decidedAt());
                    ps.setString(10, e.request().confirmationNumber());
                    ps.setString(11, e.policyCheck() == null ? null : e.policyCheck().name());
                    ps.setString(12, e.outcome().name());
                    ps.setBigDecimal(13, e.expectedRefund());
                    ps.setBigDecimal(14, e.settledAmount());
                    ps.setBigDecimal(15, e.pendingAmount());
                    ps.setString(16, e.currency());
                    ps.setLong(17, e.ageHours());
                    ps.setBoolean(18, reported.isFlagged());
                    ps.setString(19, reported.isFlagged() ? reported.priority().name() : null);
                    ps.setBoolean(20, reported.isNewlyFlagged());
                    ps.setString(21, reported.isFlagged() ? reported.suggestedAction() : null);
                    ps.setBoolean(22, e.isTerminal());
                    ps.setBoolean(23, reported.becameRefunded());
                });
    }

    public void insertRefunds(LocalDate businessDate, List<RefundRow> rows) {
        jdbc.batchUpdate("""
                INSERT INTO recon_refund (business_date, txn_id, order_id, request_id, assigned_request_id, method,
                    amount, currency, status, created_at, settled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, row) -> {
            RefundTxn refund = row.refund();
            ps.setDate(1, Date.valueOf(businessDate));
            ps.setString(2, refund.txnId());
            ps.setString(3, refund.orderId());
            ps.setString(4, refund.requestId());
            ps.setString(5, row.assignedRequestId());
            ps.setString(6, refund.method().name());
            ps.setBigDecimal(7, refund.amount());
            ps.setString(8, refund.currency());
            ps.setString(9, refund.status().name());
            ps.setLong(10, refund.createdAt().getEpochSecond());
            setInstant(ps, 11, refund.settledAt());
        });
    }

    /** The lines a receipt shows, with the fee the policy kept on each. */
    public record ReceiptLine(String requestId, OrderLine line, java.math.BigDecimal fee) {
    }

    public void insertReceiptLines(LocalDate businessDate, List<ReceiptLine> lines) {
        jdbc.batchUpdate("""
                INSERT INTO recon_receipt_line (business_date, request_id, line_no, sku, quantity, unit_price, tax, fee,
                    currency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, lines.size(), (ps, row) -> {
            ps.setDate(1, Date.valueOf(businessDate));
            ps.setString(2, row.requestId());
            ps.setInt(3, row.line().lineNo());
            ps.setString(4, row.line().sku());
            ps.setInt(5, row.line().quantity());
            ps.setBigDecimal(6, row.line().unitPrice());
            ps.setBigDecimal(7, row.line().tax());
            ps.setBigDecimal(8, row.fee());
            ps.setString(9, row.line().currency());
        });
    }

    public void insertExceptions(LocalDate businessDate, List<FinanceException> exceptions) {
        jdbc.batchUpdate("""
                INSERT INTO recon_exception (business_date, exception_type, request_id, txn_id, order_id, amount,
                    currency, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", exceptions, exceptions.size(), (ps, x) -> {
            ps.setDate(1, Date.valueOf(businessDate));
            ps.setString(2, x.type().name());
            ps.setString(3, x.requestId() == null ? "" : x.requestId());
            ps.setString(4, x.txnId() == null ? "" : x.txnId());
            ps.setString(5, x.orderId());
            ps.setBigDecimal(6, x.amount());
            ps.setString(7, x.currency());
            ps.setString(8, x.detail());
        });
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.getEpochSecond());
        }
    }
}
