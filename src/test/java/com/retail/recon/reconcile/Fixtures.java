package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Channel;
import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.FulfillmentStatus;
import com.retail.recon.domain.Money;
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
 * Small factories for the rules' tests. Business date D = 2026-11-20 (UTC), so the cutoff is
 * 2026-11-21T00:00:00Z; instants are given as offsets before that cutoff to make ages obvious.
 */
final class Fixtures {

    static final LocalDate D = LocalDate.of(2026, 11, 20);
    static final Instant CUTOFF = Instant.parse("2026-11-21T00:00:00Z");
    static final Policy POLICY = Policy.defaults();
    static final Currencies CURRENCIES = Currencies.defaults();
    static final CancellationRules RULES = new CancellationRules(POLICY, CURRENCIES);

    private Fixtures() {
    }

    /** An instant this many hours (and seconds) before the cutoff of D. */
    static Instant hoursBeforeCutoff(long hours) {
        return CUTOFF.minusSeconds(hours * 3600);
    }

    static Instant secondsBeforeCutoff(long seconds) {
        return CUTOFF.minusSeconds(seconds);
    }

    /** An amount of a configured currency, at its digits. */
    static Money money(String currency, String amount) {
        return CURRENCIES.money(currency, new BigDecimal(amount));
    }

    static OrderLine line(String orderId, int lineNo, String category, int quantity, String unitPrice, String tax,
                          String currency) {
        return new OrderLine(D, orderId, lineNo, "C-1", hoursBeforeCutoff(20), "SKU-" + lineNo, category, quantity,
                new BigDecimal(unitPrice), new BigDecimal(tax), currency, PaymentMethod.CARD,
                FulfillmentStatus.PENDING, null);
    }

    static OrderLine usdLine(String orderId, int lineNo, String unitPrice) {
        return line(orderId, lineNo, "DEFAULT", 1, unitPrice, "0.00", "USD");
    }

    static OrderLine shipped(OrderLine line, Instant shippedAt) {
        return inStatus(line, FulfillmentStatus.SHIPPED, shippedAt);
    }

    static OrderLine inStatus(OrderLine line, FulfillmentStatus status, Instant shippedAt) {
        return new OrderLine(line.businessDate(), line.orderId(), line.lineNo(), line.customerId(), line.placedAt(),
                line.sku(), line.category(), line.quantity(), line.unitPrice(), line.tax(), line.currency(),
                line.paymentMethod(), status, shippedAt);
    }

    static OrderLine placedAt(OrderLine line, Instant placedAt) {
        return new OrderLine(line.businessDate(), line.orderId(), line.lineNo(), line.customerId(), placedAt,
                line.sku(), line.category(), line.quantity(), line.unitPrice(), line.tax(), line.currency(),
                line.paymentMethod(), line.fulfillmentStatus(), line.shippedAt());
    }

    static OrderLine dated(OrderLine line, LocalDate businessDate) {
        return new OrderLine(businessDate, line.orderId(), line.lineNo(), line.customerId(), line.placedAt(),
                line.sku(), line.category(), line.quantity(), line.unitPrice(), line.tax(), line.currency(),
                line.paymentMethod(), line.fulfillmentStatus(), line.shippedAt());
    }

    static CancellationRequest requested(String requestId, String orderId, Instant requestedAt) {
        return new CancellationRequest(D, requestId, orderId, null, "C-1", requestedAt, Channel.WEBSITE, "",
                RequestStatus.REQUESTED, null, null);
    }

    static CancellationRequest confirmed(String requestId, String orderId, Instant requestedAt, Instant decidedAt) {
        return new CancellationRequest(D, requestId, orderId, null, "C-1", requestedAt, Channel.WEBSITE, "",
                RequestStatus.CONFIRMED, "CNF-" + requestId, decidedAt);
    }

    static CancellationRequest rejected(String requestId, String orderId, Instant requestedAt, Instant decidedAt) {
        return new CancellationRequest(D, requestId, orderId, null, "C-1", requestedAt, Channel.WEBSITE, "",
                RequestStatus.REJECTED, null, decidedAt);
    }

    static CancellationRequest forLine(CancellationRequest request, int lineNo) {
        return new CancellationRequest(request.businessDate(), request.requestId(), request.orderId(), lineNo,
                request.customerId(), request.requestedAt(), request.channel(), request.reason(), request.status(),
                request.confirmationNumber(), request.decidedAt());
    }

    static CancellationRequest dated(CancellationRequest request, LocalDate businessDate) {
        return new CancellationRequest(businessDate, request.requestId(), request.orderId(), request.lineNo(),
                request.customerId(), request.requestedAt(), request.channel(), request.reason(), request.status(),
                request.confirmationNumber(), request.decidedAt());
    }

    static RefundTxn refund(String txnId, String requestId, String amount, RefundStatus status, Instant createdAt) {
        return new RefundTxn(D, txnId, "O-1", requestId, RefundMethod.ORIGINAL_PAYMENT, new BigDecimal(amount), "USD",
                status, createdAt, status == RefundStatus.SETTLED || status == RefundStatus.REVERSED ? createdAt : null);
    }

    static RefundTxn settled(String txnId, String requestId, String amount) {
        return refund(txnId, requestId, amount, RefundStatus.SETTLED, hoursBeforeCutoff(1));
    }

    static RefundTxn pending(String txnId, String requestId, String amount, Instant createdAt) {
        return refund(txnId, requestId, amount, RefundStatus.PENDING, createdAt);
    }

    static RefundTxn withMethod(RefundTxn refund, RefundMethod method) {
        return new RefundTxn(refund.businessDate(), refund.txnId(), refund.orderId(), refund.requestId(), method,
                refund.amount(), refund.currency(), refund.status(), refund.createdAt(), refund.settledAt());
    }

    static RefundTxn withCurrency(RefundTxn refund, String currency) {
        return new RefundTxn(refund.businessDate(), refund.txnId(), refund.orderId(), refund.requestId(),
                refund.method(), refund.amount(), currency, refund.status(), refund.createdAt(), refund.settledAt());
    }

    static RefundTxn onOrder(RefundTxn refund, String orderId) {
        return new RefundTxn(refund.businessDate(), refund.txnId(), orderId, refund.requestId(), refund.method(),
                refund.amount(), refund.currency(), refund.status(), refund.createdAt(), refund.settledAt());
    }

    static RefundTxn dated(RefundTxn refund, LocalDate businessDate) {
        return new RefundTxn(businessDate, refund.txnId(), refund.orderId(), refund.requestId(), refund.method(),
                refund.amount(), refund.currency(), refund.status(), refund.createdAt(), refund.settledAt());
    }
}
