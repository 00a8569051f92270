package com.retail.recon.explain;

import com.retail.recon.batch.BusinessDays;
import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.ingest.StoredRows;
import com.retail.recon.reconcile.CancellationRules;
import com.retail.recon.reconcile.OrderHistory;
import com.retail.recon.reconcile.OrderReconciler;
import com.retail.recon.reconcile.ReportedRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code recon explain}: a request's verdict on every completed date up to D on which it was reported,
 * re-derived with the rules ({@link OrderReconciler}, as the nightly job does) from the input versions in force
 * that day, and compared with the date's ledger. The store is only read.
 *
 * <p>The rules run with today's policy configuration: a date that ran under other settings shows where its
 * ledger and today's rules differ ({@link Explanation.Day#discrepancies()}), never one in place of the other.
 */
@Component
public class Explainer {

    /** Nothing to explain: no date has completed, or the request was never reported up to the date. */
    public static final class NothingToExplain extends RuntimeException {
        NothingToExplain(String message) {
            super(message);
        }
    }

    private static final String REQUEST_VERSIONS = "SELECT " + StoredRows.CANCELLATION
            + " FROM cancellation WHERE request_id = ? AND business_date <= ? ORDER BY business_date";
    private static final String LINES = "SELECT " + StoredRows.ORDER_LINE
            + " FROM order_line WHERE order_id = ? AND business_date <= ?";
    /** Every version of every request that ever was on the order (as the nightly reader takes them). */
    private static final String REQUESTS = "SELECT " + StoredRows.columns("c", StoredRows.CANCELLATION)
            + " FROM cancellation c WHERE c.business_date <= ? AND c.request_id IN ("
            + "SELECT x.request_id FROM cancellation x WHERE x.order_id = ? AND x.business_date <= ?)";
    /** Every version of every refund that may pay the order's requests: naming one of them, or none on it. */
    private static final String REFUNDS = "SELECT " + StoredRows.columns("r", StoredRows.REFUND)
            + " FROM refund r WHERE r.business_date <= ? AND r.txn_id IN ("
            + "SELECT t.txn_id FROM refund t WHERE t.business_date <= ? AND t.order_id = ? AND t.request_id IS NULL"
            + " UNION SELECT t.txn_id FROM refund t JOIN cancellation x ON x.request_id = t.request_id"
            + " AND x.order_id = ? AND x.business_date <= ? WHERE t.business_date <= ?)";
    private static final String REPORTED = "SELECT business_date, outcome, policy_check, expected_refund,"
            + " settled_amount, pending_amount, currency, age_hours, flagged, priority FROM recon_request"
            + " WHERE request_id = ? AND business_date <= ? ORDER BY business_date";
    private static final String LEDGERED_REFUNDS = "SELECT txn_id, status, amount, currency FROM recon_refund"
            + " WHERE business_date = ? AND assigned_request_id = ?";

    private final JdbcTemplate jdbc;
    private final BusinessDays days;
    private final CancellationRules rules;
    private final Currencies currencies;
    private final OrderReconciler reconciler;
    private final Working working;

    public Explainer(JdbcTemplate jdbc, BusinessDays days, CancellationRules rules) {
        this.jdbc = jdbc;
        this.days = days;
        this.rules = rules;
        this.currencies = rules.currencies();
        this.reconciler = new OrderReconciler(rules);
        this.working = new Working(rules);
    }

    /**
     * @param upTo the last business date to explain; null for the latest completed date
     * @throws NothingToExplain when no date has completed, or the request was not reported on any completed
     *                          date up to {@code upTo} (the message says which, in one line)
     */
    public Explanation explain(String requestId, LocalDate upTo) {
        LocalDate latest = days.latestCompleted()
                .orElseThrow(() -> new NothingToExplain("no business date has completed yet: nothing to explain"));
        LocalDate last = upTo == null ? latest : upTo;
        Set<LocalDate> completed = new HashSet<>(days.completedBetween(days.first().orElseThrow(), last));
        List<LocalDate> dates = new ArrayList<>();
        List<Explanation.Ledger> ledgers = new ArrayList<>();
        for (Reported row : jdbc.query(REPORTED, Explainer::reported, requestId, last)) {
            if (completed.contains(row.date())) {
                dates.add(row.date());
                ledgers.add(new Explanation.Ledger(row.outcome(), text(row.policyCheck()),
                        amount(row.expected(), row.currency()), amount(row.settled(), row.currency()),
                        amount(row.pending(), row.currency()), text(row.currency()), row.ageHours(), row.flagged(),
                        text(row.priority()), ledgeredRefunds(row.date(), requestId)));
            }
        }
        if (dates.isEmpty()) {
            throw new NothingToExplain("request " + requestId + " was not reported on any completed business date"
                    + (completed.isEmpty() ? " (none has completed up to " + last + ")" : " up to " + last));
        }

        List<CancellationRequest> versions = jdbc.query(REQUEST_VERSIONS,
                (rs, i) -> StoredRows.cancellation(rs, 1), requestId, last);
        Map<String, OrderHistory> histories = new HashMap<>();
        List<Explanation.Day> explained = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            List<CancellationRequest> asOf = versions.stream().filter(v -> !v.businessDate().isAfter(date)).toList();
            if (asOf.isEmpty()) {
                throw new IllegalStateException("the ledger of " + date + " reports " + requestId
                        + " but the store holds no version of it on or before that date");
            }
            String orderId = asOf.get(asOf.size() - 1).orderId();
            OrderHistory history = histories.computeIfAbsent(orderId, order -> history(order, last));
            ReportedRequest evaluated = reconciler.evaluate(history, requestId, date).orElseThrow(() ->
                    new IllegalStateException(requestId + " is not on order " + orderId + " as of " + date));
            explained.add(working.day(date, asOf, evaluated.today(), ledgers.get(i)));
        }
        return new Explanation(requestId, last, List.copyOf(explained));
    }

    /** A row of recon_request: the request's line in the date's cancellations ledger, and its priority. */
    private record Reported(LocalDate date, String outcome, String policyCheck, BigDecimal expected,
                            BigDecimal settled, BigDecimal pending, String currency, long ageHours, boolean flagged,
                            String priority) {
    }

    private static Reported reported(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Reported(rs.getObject("business_date", LocalDate.class), rs.getString("outcome"),
                rs.getString("policy_check"), rs.getBigDecimal("expected_refund"), rs.getBigDecimal("settled_amount"),
                rs.getBigDecimal("pending_amount"), rs.getString("currency"), rs.getLong("age_hours"),
                rs.getBoolean("flagged"), rs.getString("priority"));
    }

    /** What the nightly job reads for one order: its lines, its requests and their refunds, every version. */
    private OrderHistory history(String orderId, LocalDate asOf) {
        List<OrderLine> lines = jdbc.query(LINES, (rs, i) -> StoredRows.orderLine(rs, 1), orderId, asOf);
        List<CancellationRequest> requests = jdbc.query(REQUESTS, (rs, i) -> StoredRows.cancellation(rs, 1),
                asOf, orderId, asOf);
        List<RefundTxn> refunds = jdbc.query(REFUNDS, (rs, i) -> StoredRows.refund(rs, 1),
                asOf, asOf, orderId, orderId, asOf, asOf);
        return new OrderHistory(orderId, lines, requests, refunds);
    }

    /** The refunds the date's refunds ledger assigns to the request, by txn_id. */
    private List<String> ledgeredRefunds(LocalDate date, String requestId) {
        List<String[]> rows = jdbc.query(LEDGERED_REFUNDS, (rs, i) -> new String[]{rs.getString(1), rs.getString(2),
                amount(rs.getBigDecimal(3), rs.getString(4)), rs.getString(4)}, date, requestId);
        rows.sort(java.util.Comparator.comparing((String[] row) -> row[0]));
        return rows.stream().map(row -> Working.refundAsLedgered(row[0], row[1], row[2], row[3])).toList();
    }

    /** A stored amount as the ledgers print it: at its currency's digits; "" for none. */
    private String amount(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        try {
            return currencies.money(currency, amount).toPlainString();
        } catch (IllegalArgumentException notAtItsDigits) {
            return amount.stripTrailingZeros().toPlainString();
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
