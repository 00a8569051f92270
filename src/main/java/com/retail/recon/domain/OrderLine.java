package com.retail.recon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One version of an order line: the row of orders.csv that arrived on {@code businessDate}. */
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
