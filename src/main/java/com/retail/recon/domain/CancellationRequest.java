package com.retail.recon.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a cancellation request (a row of cancellations.csv that arrived on {@code businessDate}).
 * {@code lineNo} is null when the whole order is to be cancelled.
 */
public record CancellationRequest(
        LocalDate businessDate,
        String requestId,
        String orderId,
        Integer lineNo,
        String customerId,
        Instant requestedAt,
        Channel channel,
        String reason,
        RequestStatus status,
        String confirmationNumber,
        Instant decidedAt) {

    public boolean isWholeOrder() {
        return lineNo == null;
    }
}
