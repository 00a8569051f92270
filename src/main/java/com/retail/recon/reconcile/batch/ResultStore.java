package com.retail.recon.reconcile.batch;

import org.springframework.stereotype.Component;

import com.retail.recon.system.Postgres;
import com.retail.recon.domain.Money;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.Evaluation;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.ReportedRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The per-date results the ledgers are written from: reported requests, refund rows, exceptions. */
@Component
public class ResultStore {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public ResultStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = Postgres.is(jdbc.getDataSource());
    }

    /** Whether the store is PostgreSQL (COPY, statistics, session settings) rather than H2. */
    public boolean isPostgres() {
        return postgres;
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
     * open items into D (read through the results' primary key), never from all order lines or all history.
     */
    public int selectCandidates(LocalDate businessDate) {
        Date d = Date.valueOf(businessDate);
        List<LocalDate> carried = datesCarryingOpenItemsInto(businessDate);
        List<Object> parameters = new ArrayList<>(List.of(d));
        StringBuilder open = new StringBuilder();
        for (LocalDate date : carried) {
            open.append("SELECT r.order_id FROM recon_request r WHERE r.business_date = ? AND r.terminal = FALSE\n")
                    .append("UNION\n");
            parameters.add(Date.valueOf(date));
        }
        parameters.addAll(List.of(d, d, d, d, d, d, d, d, d, d));
        settingsForOneLargeQuery();
        return jdbc.update("""
                INSERT INTO recon_candidate (business_date, seq, order_id)
                SELECT ?, ROW_NUMBER() OVER (ORDER BY order_id), order_id FROM (
                """ + open + """
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
                ) affected""", parameters.toArray());
    }

    /**
     * The dates whose open items (requests, unassigned refunds) D must take over: the previous completed date
     * P, which lists every item open as of its data (open items are reported every date), and the dates that
     * ran late, completing after P did (a rerun of an earlier date may hold open items P never saw). None
     * before the store's first completed date.
     */
    public List<LocalDate> datesCarryingOpenItemsInto(LocalDate businessDate) {
        LocalDate previous = jdbc.queryForObject("SELECT MAX(business_date) FROM business_day "
                + "WHERE completed = TRUE AND business_date < ?", LocalDate.class, businessDate);
        if (previous == null) {
            return List.of();
        }
        List<LocalDate> dates = new ArrayList<>(List.of(previous));
        dates.addAll(jdbc.queryForList("SELECT business_date FROM business_day WHERE business_date < ? "
                        + "AND completed_at > (SELECT completed_at FROM business_day WHERE business_date = ?) "
                        + "ORDER BY business_date", LocalDate.class, businessDate, previous));
        return dates;
    }

    /**
     * On PostgreSQL, for the current transaction: one large query whose sorts and hashes stay in memory, without
     * JIT compilation (it costs more than it saves on a query that runs once).
     */
    void settingsForOneLargeQuery() {
        if (postgres) {
            jdbc.execute("SET LOCAL work_mem = '64MB'");
            jdbc.execute("SET LOCAL jit = off");
        }
    }

    /**
     * On PostgreSQL, after a night's results were written (at least 1,000 reported requests): the planner
     * learns their size for the ledger and receipt queries. Only the columns those queries filter, join or
     * sort on are analyzed (a full ANALYZE of the four tables costs several times more).
     */
    /** So that the reconcile queries plan for tonight's candidates (PostgreSQL; a few rows need no plan). */
    void refreshCandidateStatistics(long candidates) {
        if (postgres && candidates >= 1_000) {
            jdbc.execute("ANALYZE recon_candidate");
        }
    }

    public void refreshStatistics(long reportedRequests) {
        if (!postgres || reportedRequests < 1_000) {
            return;
        }
        for (String table : List.of("recon_request (business_date, request_id, terminal, flagged, became_refunded)",
                "recon_refund (business_date, txn_id, assigned_request_id)",
                "recon_exception (business_date)", "recon_receipt_line (business_date, request_id)")) {
            jdbc.execute("ANALYZE " + table);
        }
    }

    /** Earlier dates of this store that have not completed (their data may be partial). */
    public List<LocalDate> incompleteDatesBefore(LocalDate businessDate) {
        return jdbc.queryForList("SELECT business_date FROM business_day WHERE completed = FALSE "
                + "AND business_date < ? ORDER BY business_date", LocalDate.class, businessDate);
    }

    public void insertRequests(LocalDate businessDate, List<ReportedRequest> requests) {
        write(REQUESTS, businessDate, requests);
    }

    public void insertRefunds(LocalDate businessDate, List<RefundRow> rows) {
        write(REFUNDS, businessDate, rows);
    }

    /** The lines a receipt shows, with the fee the policy kept on each. */
    public record ReceiptLine(String requestId, OrderLine line, Money fee) {
    }

    public void insertReceiptLines(LocalDate businessDate, List<ReceiptLine> lines) {
        write(RECEIPT_LINES, businessDate, lines);
    }

    public void insertExceptions(LocalDate businessDate, List<FinanceException> exceptions) {
        write(EXCEPTIONS, businessDate, exceptions);
    }

    /**
     * On PostgreSQL, lets the current transaction commit without waiting for its WAL to reach the disk. Safe
     * for a chunk of results: its rows and the step's checkpoint commit together, so a server crash can lose
     * only both, and the restart computes those orders again. The run's last steps commit durably, which
     * also flushes everything before them.
     */
    public void commitWithoutWaitingForDisk() {
        if (postgres) {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        }
    }

    private <T> void write(ResultTable<T> table, LocalDate businessDate, List<? extends T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            ResultTable.copyIn(jdbc.getDataSource(), table, businessDate, rows);
        } else {
            table.batchInsert(jdbc, businessDate, rows);
        }
    }

    private static final ResultTable<ReportedRequest> REQUESTS = new ResultTable<>("recon_request",
            List.of("request_id", "order_id", "line_no", "customer_id", "channel", "storefront_status",
                    "requested_at", "decided_at", "confirmation_number", "policy_check", "outcome", "expected_refund",
                    "settled_amount", "pending_amount", "currency", "age_hours", "flagged", "priority",
                    "newly_flagged", "suggested_action", "terminal", "became_refunded"),
            new int[]{Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                    Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL,
                    Types.DECIMAL, Types.DECIMAL, Types.VARCHAR, Types.BIGINT, Types.BOOLEAN, Types.VARCHAR,
                    Types.BOOLEAN, Types.VARCHAR, Types.BOOLEAN, Types.BOOLEAN},
            reported -> {
                Evaluation e = reported.today();
                boolean flagged = reported.isFlagged();
                return new Object[]{e.request().requestId(), e.request().orderId(), e.request().lineNo(),
                        e.request().customerId(), e.request().channel().name(), e.status().name(),
                        e.request().requestedAt().getEpochSecond(), seconds(e.request().decidedAt()),
                        e.request().confirmationNumber(), e.policyCheck() == null ? null : e.policyCheck().name(),
                        e.outcome().name(), amount(e.expectedRefund()), amount(e.settledAmount()),
                        amount(e.pendingAmount()), e.currency(),
                        e.ageHours(), flagged, flagged ? reported.priority().name() : null,
                        reported.isNewlyFlagged(), flagged ? reported.suggestedAction() : null, e.isTerminal(),
                        reported.becameRefunded()};
            });

    private static final ResultTable<RefundRow> REFUNDS = new ResultTable<>("recon_refund",
            List.of("txn_id", "order_id", "request_id", "assigned_request_id", "method", "amount", "currency",
                    "status", "created_at", "settled_at"),
            new int[]{Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL,
                    Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT},
            row -> {
                RefundTxn refund = row.refund();
                return new Object[]{refund.txnId(), refund.orderId(), refund.requestId(), row.assignedRequestId(),
                        refund.method().name(), refund.amount(), refund.currency(), refund.status().name(),
                        refund.createdAt().getEpochSecond(), seconds(refund.settledAt())};
            });

    private static final ResultTable<ReceiptLine> RECEIPT_LINES = new ResultTable<>("recon_receipt_line",
            List.of("request_id", "line_no", "sku", "quantity", "unit_price", "tax", "fee", "currency"),
            new int[]{Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.DECIMAL, Types.DECIMAL,
                    Types.DECIMAL, Types.VARCHAR},
            row -> new Object[]{row.requestId(), row.line().lineNo(), row.line().sku(), row.line().quantity(),
                    row.line().unitPrice(), row.line().tax(), row.fee().amount(), row.line().currency()});

    /** request_id and txn_id are '' when not applicable (see V2). */
    private static final ResultTable<FinanceException> EXCEPTIONS = new ResultTable<>("recon_exception",
            List.of("exception_type", "request_id", "txn_id", "order_id", "amount", "currency", "detail"),
            new int[]{Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL, Types.VARCHAR,
                    Types.VARCHAR},
            x -> new Object[]{x.type().name(), x.requestId() == null ? "" : x.requestId(),
                    x.txnId() == null ? "" : x.txnId(), x.orderId(), amount(x.amount()), x.currency(), x.detail()});

    /** An amount column: the amount with its currency's digits (the currency has its own column). */
    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
