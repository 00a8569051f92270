package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Channel;
import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.FulfillmentStatus;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.PaymentMethod;
import com.retail.recon.domain.RefundMethod;
import com.retail.recon.domain.RefundStatus;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.domain.RequestStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Turns one record of each input file into its domain value, or rejects it. Each parser reads the columns
 * in the order of the spec's table, then checks amount digits against the currency, then the
 * "required when" columns: the first failure is the reject reason.
 */
final class RowParsers {

    private final Currencies currencies;

    public RowParsers(Currencies currencies) {
        this.currencies = currencies;
    }

    public Object parse(InputFile file, CsvHeader header, CsvRecord record, LocalDate businessDate) {
        Row row = new Row(header, record, currencies);
        return switch (file) {
            case ORDERS -> orderLine(row, businessDate);
            case CANCELLATIONS -> cancellation(row, businessDate);
            case REFUNDS -> refund(row, businessDate);
        };
    }

    private static OrderLine orderLine(Row row, LocalDate businessDate) {
        String orderId = row.text("order_id");
        int lineNo = row.positiveInt("line_no");
        String customerId = row.text("customer_id");
        Instant placedAt = row.instant("placed_at");
        String sku = row.text("sku");
        String category = row.text("category");
        int quantity = row.positiveInt("quantity");
        BigDecimal unitPrice = row.amount("unit_price");
        BigDecimal tax = row.amount("tax");
        String currency = row.currency("currency");
        PaymentMethod paymentMethod = row.word("payment_method", PaymentMethod.class);
        FulfillmentStatus status = row.word("fulfillment_status", FulfillmentStatus.class);
        Instant shippedAt = row.optionalInstant("shipped_at");

        row.requireDigits("unit_price", unitPrice, currency);
        row.requireDigits("tax", tax, currency);
        row.requireWhen(status == FulfillmentStatus.SHIPPED || status == FulfillmentStatus.DELIVERED,
                "shipped_at", shippedAt, "SHIPPED or DELIVERED");
        return new OrderLine(businessDate, orderId, lineNo, customerId, placedAt, sku, category, quantity,
                unitPrice, tax, currency, paymentMethod, status, shippedAt);
    }

    private static CancellationRequest cancellation(Row row, LocalDate businessDate) {
        String requestId = row.text("request_id");
        String orderId = row.text("order_id");
        Integer lineNo = row.optionalPositiveInt("line_no");
        String customerId = row.text("customer_id");
        Instant requestedAt = row.instant("requested_at");
        Channel channel = row.word("channel", Channel.class);
        String reason = row.freeText("reason");
        RequestStatus status = row.word("status", RequestStatus.class);
        String confirmationNumber = row.optionalText("confirmation_number");
        Instant decidedAt = row.optionalInstant("decided_at");

        row.requireWhen(status == RequestStatus.CONFIRMED, "confirmation_number", confirmationNumber, "CONFIRMED");
        row.requireWhen(status != RequestStatus.REQUESTED, "decided_at", decidedAt, "CONFIRMED or REJECTED");
        return new CancellationRequest(businessDate, requestId, orderId, lineNo, customerId, requestedAt, channel,
                reason, status, confirmationNumber, decidedAt);
    }

    private static RefundTxn refund(Row row, LocalDate businessDate) {
        String txnId = row.text("txn_id");
        String orderId = row.text("order_id");
        String requestId = row.optionalText("request_id");
        RefundMethod method = row.word("method", RefundMethod.class);
        BigDecimal amount = row.positiveAmount("amount");
        String currency = row.currency("currency");
        RefundStatus status = row.word("status", RefundStatus.class);
        Instant createdAt = row.instant("created_at");
        Instant settledAt = row.optionalInstant("settled_at");

        row.requireDigits("amount", amount, currency);
        row.requireWhen(status == RefundStatus.SETTLED || status == RefundStatus.REVERSED,
                "settled_at", settledAt, "SETTLED or REVERSED");
        return new RefundTxn(businessDate, txnId, orderId, requestId, method, amount, currency, status, createdAt,
                settledAt);
    }
}
