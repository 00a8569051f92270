package com.retail.recon.reconcile;

import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.Money;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.domain.RequestStatus;
import com.retail.recon.reconcile.FinanceException.ExceptionType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The spec's "Finance exceptions" about a request (those about unassigned refunds are in RefundAssignment). */
final class FinanceExceptions {

    private FinanceExceptions() {
    }

    /** @param currencies for the amounts of refunds in another currency than the order's */
    public static List<FinanceException> of(Evaluation e, Currencies currencies) {
        List<FinanceException> found = new ArrayList<>(0);
        switch (e.outcome()) {
            case ORDER_NOT_FOUND -> found.add(orderNotFound(e));
            case CURRENCY_MISMATCH -> currencyMismatches(e, currencies, found);
            case OVER_REFUNDED -> found.add(amountException(ExceptionType.OVER_REFUNDED, e,
                    e.settledAmount().minus(e.expectedRefund())));
            case UNDER_REFUNDED -> found.add(amountException(ExceptionType.UNDER_REFUNDED, e,
                    e.expectedRefund().minus(e.settledAmount())));
            default -> { }
        }
        if (e.status() == RequestStatus.CONFIRMED && e.policyCheck() != null && e.policyCheck().isAgainstPolicy()) {
            found.add(confirmedAgainstPolicy(e));
        }
        if (e.status() != RequestStatus.CONFIRMED && e.settledAmount() != null && e.settledAmount().isPositive()) {
            found.add(refundNotConfirmed(e));
        }
        return found;
    }

    // one method per exception text: the checks above stay small (they run for every reported request)

    private static FinanceException orderNotFound(Evaluation e) {
        String orderId = e.request().orderId();
        return new FinanceException(ExceptionType.ORDER_NOT_FOUND, e.request().requestId(), orderId, null, null,
                e.request().isWholeOrder()
                        ? "order " + orderId + " not found"
                        : "line " + e.request().lineNo() + " of order " + orderId + " not found");
    }

    private static void currencyMismatches(Evaluation e, Currencies currencies, List<FinanceException> found) {
        e.mismatchedRefunds().stream()
                .sorted(Comparator.comparing(RefundTxn::txnId))
                .forEach(refund -> found.add(new FinanceException(ExceptionType.CURRENCY_MISMATCH,
                        e.request().requestId(), e.request().orderId(), refund.txnId(),
                        currencies.money(refund.currency(), refund.amount()),
                        "refund in " + refund.currency() + " on a " + e.currency() + " order")));
    }

    private static FinanceException confirmedAgainstPolicy(Evaluation e) {
        return new FinanceException(ExceptionType.CONFIRMED_AGAINST_POLICY, e.request().requestId(),
                e.request().orderId(), null, null, "confirmed despite " + e.policyCheck());
    }

    private static FinanceException refundNotConfirmed(Evaluation e) {
        return new FinanceException(ExceptionType.REFUND_NOT_CONFIRMED, e.request().requestId(),
                e.request().orderId(), null, e.settledAmount(), "settled on a " + e.status() + " request");
    }

    private static FinanceException amountException(ExceptionType type, Evaluation e, Money amount) {
        return new FinanceException(type, e.request().requestId(), e.request().orderId(), null, amount,
                "settled " + e.settledAmount().toPlainString() + " against expected "
                        + e.expectedRefund().toPlainString());
    }
}
