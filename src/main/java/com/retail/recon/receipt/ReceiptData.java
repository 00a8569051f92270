package com.retail.recon.receipt;

import com.retail.recon.domain.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a cancellation receipt shows: the request (its confirmation number exactly as the storefront issued
 * it, even when the receipt's file name had to be derived from it), the cancelled lines, the expected refund
 * and the refund or credit transactions. Amounts carry their currency's minor-unit digits and are printed
 * that way ({@link Money#toPlainString()}). {@code decidedAt} and a transaction's {@code settledAt} may be
 * null.
 */
public record ReceiptData(LocalDate businessDate, String confirmationNumber, String requestId, String orderId,
        String customerId, Instant requestedAt, Instant decidedAt, List<Line> lines, Money expectedRefund,
        List<Transaction> transactions) {

    public ReceiptData {
        Objects.requireNonNull(expectedRefund, "An expected refund is required.");
        lines = lines == null ? List.of() : List.copyOf(lines);
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }

    /** The order's currency, that of the expected refund and of every line's amounts. */
    public String currency() {
        return expectedRefund.currency();
    }

    /** A cancelled order line: unit price, tax and fee in the order's currency. */
    public record Line(int lineNo, String sku, int quantity, Money unitPrice, Money tax, Money fee) {
    }

    /** A refund or credit transaction (method ORIGINAL_PAYMENT or ACCOUNT_CREDIT), in its own currency. */
    public record Transaction(String txnId, String method, String status, Money amount, Instant createdAt,
            Instant settledAt) {
    }
}
