package com.retail.recon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of an order line: the row of orders.csv that arrived on {@code businessDate}. {@code unitPrice}
 * and {@code tax} are in {@code currency}, as read (ingest checked their digits; their scale is the file's or
 * the store's): they stay plain numbers so that ingest makes no extra object per row, and the rules turn them
 * into {@link Money} ({@link Currencies#money}).
 */
public record OrderLine(
        LocalDate businessDate,
        String orderId,
        int lineNo,
        String customerId,
        Instant placedAt,
        String sku,
        String category,
        int quantity,
        BigDecimal unitPrice,
        BigDecimal tax,
        String currency,
        PaymentMethod paymentMethod,
        FulfillmentStatus fulfillmentStatus,
        Instant shippedAt) {
}
