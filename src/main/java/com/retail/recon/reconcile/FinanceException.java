package com.retail.recon.reconcile;

import com.retail.recon.domain.Money;

/**
 * One row of the finance exceptions list. {@code amount} is null where the type carries no amount;
 * {@code requestId} and {@code txnId} are null where not applicable.
 */
public record FinanceException(
        ExceptionType type,
        String requestId,
        String orderId,
        String txnId,
        Money amount,
        String detail) {

    /** The amount's currency; null where the type carries no amount. */
    public String currency() {
        return amount == null ? null : amount.currency();
    }

    public enum ExceptionType {
        AMBIGUOUS_REFUND,
        CONFIRMED_AGAINST_POLICY,
        CURRENCY_MISMATCH,
        ORDER_NOT_FOUND,
        ORPHAN_REFUND,
        OVER_REFUNDED,
        REFUND_NOT_CONFIRMED,
        UNDER_REFUNDED
    }
}
