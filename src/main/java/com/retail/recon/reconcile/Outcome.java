package com.retail.recon.reconcile;

/** The spec's outcome table, rows 1 to 13 in order. */
public enum Outcome {
    ORDER_NOT_FOUND,
    CURRENCY_MISMATCH,
    REJECTED,
    PENDING_DECISION,
    STUCK_AWAITING_DECISION,
    OVER_REFUNDED,
    REFUNDED,
    STUCK_REFUND_PENDING,
    REFUND_PENDING,
    UNDER_REFUNDED,
    REFUND_FAILED,
    AWAITING_REFUND,
    STUCK_NO_REFUND;

    public boolean isStuck() {
        return name().startsWith("STUCK_");
    }
}
