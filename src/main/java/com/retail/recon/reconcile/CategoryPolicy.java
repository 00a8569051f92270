package com.retail.recon.reconcile;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What the cancellation policy says about one product category.
 *
 * @param cancellable false: requests for such lines are against policy
 * @param window      how long after placing the order a request is in time; null means "until shipped"
 * @param feePercent  share of the line's price kept as a cancellation fee
 */
public record CategoryPolicy(boolean cancellable, Duration window, BigDecimal feePercent) {

    public CategoryPolicy {
        if (feePercent == null || feePercent.signum() < 0 || feePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("fee-percent must be between 0 and 100: " + feePercent);
        }
        if (window != null && window.isNegative()) {
            throw new IllegalArgumentException("window-minutes must not be negative: " + window);
        }
    }
}
