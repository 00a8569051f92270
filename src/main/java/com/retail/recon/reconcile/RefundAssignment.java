package com.retail.recon.reconcile;

import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.FinanceException.ExceptionType;

/**
 * The spec's "Refunds of R": which request a refund transaction pays, evaluated afresh for each date.
 * A transaction names its request, or names none and belongs to its order's only request; otherwise it
 * is unassigned (ORPHAN_REFUND or AMBIGUOUS_REFUND). The transaction's order_id is not checked against
 * the request's.
 */
public sealed interface RefundAssignment {

    record Assigned(String requestId) implements RefundAssignment {
    }

    record Unassigned(RefundTxn refund, FinanceException exception) implements RefundAssignment {
    }

    /**
     * @param requestExists   whether a request with the transaction's request_id exists as of the date
     * @param requestsOnOrder how many requests the transaction's order has as of the date
     * @param onlyRequestId   that request's id when there is exactly one
     * @param currencies      for the exception's amount (the transaction's)
     */
    static RefundAssignment of(RefundTxn refund, boolean requestExists, int requestsOnOrder, String onlyRequestId,
                               Currencies currencies) {
        if (refund.requestId() != null) {
            return requestExists
                    ? new Assigned(refund.requestId())
                    : unassigned(ExceptionType.ORPHAN_REFUND, refund, currencies,
                            "request " + refund.requestId() + " not found");
        }
        if (requestsOnOrder == 1) {
            return new Assigned(onlyRequestId);
        }
        return requestsOnOrder == 0
                ? unassigned(ExceptionType.ORPHAN_REFUND, refund, currencies,
                        "order " + refund.orderId() + " has no cancellation request")
                : unassigned(ExceptionType.AMBIGUOUS_REFUND, refund, currencies,
                        "order " + refund.orderId() + " has " + requestsOnOrder + " cancellation requests");
    }

    private static Unassigned unassigned(ExceptionType type, RefundTxn refund, Currencies currencies, String detail) {
        return new Unassigned(refund, new FinanceException(type, refund.requestId(), refund.orderId(), refund.txnId(),
                currencies.money(refund.currency(), refund.amount()), detail));
    }
}
