package com.retail.recon.reconcile;

import java.math.BigDecimal;

/**
 * One row of the finance exceptions list. {@code amount} and {@code currency} are null where the type
 * carries no amount; {@code requestId} and {@code txnId} are null where not applicable.
 */
public record FinanceException(
        ExceptionType type,
        String requestId,
        String orderId,
        String txnId,
        BigDecimal amount,
        String currency,
        String detail) {

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
