package com.retail.recon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a refund or credit transaction (a row of refunds.csv that arrived on {@code businessDate}).
 * {@code requestId} is null when the payments system did not know which request it pays. {@code amount} is
 * in {@code currency}, as read (see {@link OrderLine} for why it is not a {@link Money}).
 */
public record RefundTxn(
        LocalDate businessDate,
        String txnId,
        String orderId,
        String requestId,
        RefundMethod method,
        BigDecimal amount,
        String currency,
        RefundStatus status,
        Instant createdAt,
        Instant settledAt) {
}
