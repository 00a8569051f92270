package com.retail.recon.receipt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a cancellation receipt shows: the request (its confirmation number exactly as the storefront issued
 * it, even when the receipt's file name had to be derived from it), the cancelled lines, the expected refund
 * and the refund or credit transactions. Amounts already carry their currency's minor-unit digits; they are
 * printed as given ({@link BigDecimal#toPlainString()}). {@code decidedAt} and a transaction's
 * {@code settledAt} may be null.
 */
public record ReceiptData(LocalDate businessDate, String confirmationNumber, String requestId, String orderId,
        String customerId, Instant requestedAt, Instant decidedAt, String currency, List<Line> lines,
        BigDecimal expectedRefund, List<Transaction> transactions) {

    public ReceiptData {
        lines = lines == null ? List.of() : List.copyOf(lines);
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }

    /** A cancelled order line: unit price, tax and fee in the order's currency. */
    public record Line(int lineNo, String sku, int quantity, BigDecimal unitPrice, BigDecimal tax, BigDecimal fee) {
    }

    /** A refund or credit transaction (method ORIGINAL_PAYMENT or ACCOUNT_CREDIT). */
    public record Transaction(String txnId, String method, String status, BigDecimal amount, String currency,
            Instant createdAt, Instant settledAt) {
    }
}
