package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reconciles the requests of one order for business date D: evaluates each request as of D (and as of
 * D−1, for "new" and receipts) and keeps those D reports: open on D, touched on D, or open on D−1 (so that
 * a request closed by a change elsewhere, such as a refund reassigned, shows its closing state once).
 */
public final class OrderReconciler {

    private final CancellationRules rules;

    public OrderReconciler(CancellationRules rules) {
        this.rules = rules;
    }

    public List<ReportedRequest> reconcile(OrderHistory history, LocalDate businessDate) {
        Snapshot today = new Snapshot(history, businessDate);
        Snapshot yesterday = new Snapshot(history, businessDate.minusDays(1));
        List<ReportedRequest> reported = new ArrayList<>(today.onOrder.size());
        for (CancellationRequest request : today.onOrder) {
            Evaluation now = today.evaluate(request);
            CancellationRequest before = yesterday.requests.get(request.requestId());
            Evaluation then = before == null ? null : yesterday.evaluate(before);
            boolean openBefore = then != null && !then.isTerminal();
            if (!now.isTerminal() || openBefore || isTouched(now, today, businessDate)) {
                reported.add(new ReportedRequest(now, then));
            }
        }
        return reported;
    }

    /**
     * One request of the order as of D, whether or not D reports it, with its state on D−1 (null when it did
     * not exist yet): what {@link #reconcile} would make of it. Empty when the request's latest version as of D
     * is not on this order.
     */
    public Optional<ReportedRequest> evaluate(OrderHistory history, String requestId, LocalDate businessDate) {
        Snapshot today = new Snapshot(history, businessDate);
        for (CancellationRequest request : today.onOrder) {
            if (request.requestId().equals(requestId)) {
                Snapshot yesterday = new Snapshot(history, businessDate.minusDays(1));
                CancellationRequest before = yesterday.requests.get(requestId);
                return Optional.of(new ReportedRequest(today.evaluate(request),
                        before == null ? null : yesterday.evaluate(before)));
            }
        }
        return Optional.empty();
    }

    /** Its own row, any row of its order, or a refund assigned to it arrived on D. */
    private static boolean isTouched(Evaluation evaluation, Snapshot today, LocalDate businessDate) {
        if (evaluation.request().businessDate().equals(businessDate)) {
            return true;
        }
        for (OrderLine line : today.lines) {
            if (line.businessDate().equals(businessDate)) {
                return true;
            }
        }
        for (RefundTxn refund : evaluation.refunds()) {
            if (refund.businessDate().equals(businessDate)) {
                return true;
            }
        }
        return false;
    }

    /** The latest version of everything in the history as of one date. */
    private final class Snapshot {
        private final Map<String, CancellationRequest> requests;
        /** The requests whose latest version is on this order, by request_id. */
        private final List<CancellationRequest> onOrder;
        private final List<OrderLine> lines;
        /** The refunds that may be assigned to a request of this order, by txn_id. */
        private final List<RefundTxn> refunds;
        private final Instant cutoff;

        Snapshot(OrderHistory history, LocalDate date) {
            String orderId = history.orderId();
            this.cutoff = rules.policy().cutoff(date);
            this.requests = latest(history.requestVersions(), CancellationRequest::requestId,
                    CancellationRequest::businessDate, date);
            this.lines = List.copyOf(latest(history.lineVersions(), OrderLine::lineNo, OrderLine::businessDate, date)
                    .values());
            List<CancellationRequest> requestsOnOrder = new ArrayList<>();
            for (CancellationRequest request : requests.values()) {
                if (request.orderId().equals(orderId)) {
                    requestsOnOrder.add(request);
                }
            }
            requestsOnOrder.sort(Comparator.comparing(CancellationRequest::requestId));
            this.onOrder = requestsOnOrder;
            List<RefundTxn> assignable = new ArrayList<>();
            for (RefundTxn refund : latest(history.refundVersions(), RefundTxn::txnId, RefundTxn::businessDate, date)
                    .values()) {
                if (refund.requestId() != null || refund.orderId().equals(orderId)) {
                    assignable.add(refund);
                }
            }
            assignable.sort(Comparator.comparing(RefundTxn::txnId));
            this.refunds = assignable;
        }

        Evaluation evaluate(CancellationRequest request) {
            String onlyRequestId = onOrder.size() == 1 ? onOrder.get(0).requestId() : null;
            List<RefundTxn> assigned = new ArrayList<>();
            for (RefundTxn refund : refunds) {
                if (RefundAssignment.of(refund, requests.containsKey(refund.requestId()), onOrder.size(),
                        onlyRequestId, rules.currencies()) instanceof RefundAssignment.Assigned to
                        && to.requestId().equals(request.requestId())) {
                    assigned.add(refund);
                }
            }
            return rules.evaluate(request, lines, List.copyOf(assigned), cutoff);
        }
    }

    private static <K, T> Map<K, T> latest(List<T> versions, Function<T, K> key, Function<T, LocalDate> dated,
                                           LocalDate asOf) {
        Map<K, T> latest = new HashMap<>();
        for (T version : versions) {
            if (!dated.apply(version).isAfter(asOf)) {
                latest.merge(key.apply(version), version,
                        (a, b) -> dated.apply(b).isAfter(dated.apply(a)) ? b : a);
            }
        }
        return latest;
    }
}
