package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        List<ReportedRequest> reported = new ArrayList<>();
        for (CancellationRequest request : today.requestsOnOrder()) {
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

    /** Its own row, any row of its order, or a refund assigned to it arrived on D. */
    private static boolean isTouched(Evaluation evaluation, Snapshot today, LocalDate businessDate) {
        return evaluation.request().businessDate().equals(businessDate)
                || today.lines.values().stream().anyMatch(line -> line.businessDate().equals(businessDate))
                || evaluation.refunds().stream().anyMatch(refund -> refund.businessDate().equals(businessDate));
    }

    /** The latest version of everything in the history as of one date. */
    private final class Snapshot {
        private final String orderId;
        private final Map<String, CancellationRequest> requests;
        private final Map<Integer, OrderLine> lines;
        private final Collection<RefundTxn> refunds;
        private final LocalDate date;

        Snapshot(OrderHistory history, LocalDate date) {
            this.orderId = history.orderId();
            this.date = date;
            this.requests = latest(history.requestVersions(), CancellationRequest::requestId,
                    CancellationRequest::businessDate, date);
            this.lines = latest(history.lineVersions(), OrderLine::lineNo, OrderLine::businessDate, date);
            this.refunds = latest(history.refundVersions(), RefundTxn::txnId, RefundTxn::businessDate, date).values();
        }

        /** The requests whose latest version is on this order, by request_id. */
        List<CancellationRequest> requestsOnOrder() {
            return requests.values().stream()
                    .filter(request -> request.orderId().equals(orderId))
                    .sorted(Comparator.comparing(CancellationRequest::requestId))
                    .toList();
        }

        Evaluation evaluate(CancellationRequest request) {
            List<CancellationRequest> onOrder = requestsOnOrder();
            String onlyRequestId = onOrder.size() == 1 ? onOrder.get(0).requestId() : null;
            List<RefundTxn> assigned = refunds.stream()
                    .filter(refund -> refund.requestId() != null || refund.orderId().equals(orderId))
                    .filter(refund -> RefundAssignment.of(refund, requests.containsKey(refund.requestId()),
                                    onOrder.size(), onlyRequestId)
                            .equals(new RefundAssignment.Assigned(request.requestId())))
                    .sorted(Comparator.comparing(RefundTxn::txnId))
                    .toList();
            return rules.evaluate(request, List.copyOf(lines.values()), assigned, rules.policy().cutoff(date));
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
