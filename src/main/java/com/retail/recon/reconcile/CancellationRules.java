package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.Money;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundStatus;
import com.retail.recon.domain.RefundTxn;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The spec's reconciliation rules for one cancellation request: expected refund, S/P/F, policy check,
 * outcome (the rows of {@link OutcomeTable}) and age. Plain Java: the caller hands in the request, its order's
 * lines and its refunds, all in their latest versions as of the business date, and the cutoff of that date.
 * Each step is public too ({@link #facts}, {@link #lineRefund}, the S/P/F tests), so that {@code recon explain}
 * shows a verdict with the rules' own arithmetic.
 */
public final class CancellationRules {

    private static final Comparator<RefundTxn> OLDEST_FIRST =
            Comparator.comparing(RefundTxn::createdAt).thenComparing(RefundTxn::txnId);

    private final Policy policy;
    private final Currencies currencies;

    public CancellationRules(Policy policy, Currencies currencies) {
        this.policy = policy;
        this.currencies = currencies;
    }

    public Policy policy() {
        return policy;
    }

    public Currencies currencies() {
        return currencies;
    }

    /**
     * @param orderLines every line of the request's order (latest versions), whatever their status
     * @param refunds    the refunds assigned to the request (latest versions)
     * @param cutoff     the cutoff of the business date
     */
    public Evaluation evaluate(CancellationRequest request, List<OrderLine> orderLines, List<RefundTxn> refunds,
                               Instant cutoff) {
        List<OrderLine> lines = linesOf(request, orderLines);
        OutcomeTable.Facts facts = facts(request, lines, refunds, cutoff);
        Outcome outcome = OutcomeTable.first(facts, policy);
        Duration age = Duration.between(OutcomeTable.ageFrom(outcome, facts).instant(), cutoff);
        if (!facts.orderFound()) {
            return new Evaluation(request, lines, refunds, null, outcome, null, null, null, age, null);
        }
        return new Evaluation(request, lines, refunds, PolicyCheck.of(request, lines, policy), outcome,
                facts.expected(), facts.settled(), facts.pending(), age,
                outcome.isStuck() ? OutcomeTable.sla(outcome, facts, policy).limit() : null);
    }

    /**
     * What the outcome table reads: E, and S, P and F over the refunds (S and P over those in the order's
     * currency, F over all of them), whether a refund is in another currency, the oldest PENDING refund.
     *
     * @param lines the request's lines ({@link Evaluation#lines()}); none when the order or line was not found
     */
    public OutcomeTable.Facts facts(CancellationRequest request, List<OrderLine> lines, List<RefundTxn> refunds,
                                   Instant cutoff) {
        if (lines.isEmpty()) {
            return new OutcomeTable.Facts(request, false, false, null, null, null, 0, null, cutoff);
        }
        Money expected = expectedRefund(lines);
        String currency = expected.currency();
        Money settled = currencies.zero(currency);
        Money pending = currencies.zero(currency);
        long failed = 0;
        RefundTxn oldest = null;
        boolean currencyMismatch = false;
        for (RefundTxn refund : refunds) {
            if (countsInFailed(refund)) {
                failed++;
            }
            if (isOtherCurrency(refund, currency)) {
                currencyMismatch = true;
            } else if (countsInSettled(refund, currency)) {
                settled = settled.plus(amountOf(refund));
            } else if (countsInPending(refund, currency)) {
                pending = pending.plus(amountOf(refund));
                if (oldest == null || OLDEST_FIRST.compare(refund, oldest) < 0) {
                    oldest = refund;
                }
            }
        }
        return new OutcomeTable.Facts(request, true, currencyMismatch, expected, settled, pending, failed, oldest,
                cutoff);
    }

    /** S: a SETTLED refund in the order's currency. */
    public static boolean countsInSettled(RefundTxn refund, String orderCurrency) {
        return refund.status() == RefundStatus.SETTLED && !isOtherCurrency(refund, orderCurrency);
    }

    /** P: a PENDING refund in the order's currency. */
    public static boolean countsInPending(RefundTxn refund, String orderCurrency) {
        return refund.status() == RefundStatus.PENDING && !isOtherCurrency(refund, orderCurrency);
    }

    /** F: a FAILED or REVERSED refund, in any currency. */
    public static boolean countsInFailed(RefundTxn refund) {
        return refund.status() == RefundStatus.FAILED || refund.status() == RefundStatus.REVERSED;
    }

    /** A refund in another currency than the order's (outcome row 2). */
    public static boolean isOtherCurrency(RefundTxn refund, String orderCurrency) {
        return !refund.currency().equals(orderCurrency);
    }

    /** One line's share of E: price = quantity × unit_price, refund = price − fee + tax. */
    public record LineRefund(OrderLine line, Money unitPrice, Money price, BigDecimal feePercent, Money fee, Money tax,
                             Money refund) {
    }

    /** One line's share of E, as {@link #expectedRefund} adds it up. */
    public LineRefund lineRefund(OrderLine line) {
        Money unitPrice = currencies.money(line.currency(), line.unitPrice());
        Money price = unitPrice.times(line.quantity());
        Money fee = fee(line, price);
        Money tax = currencies.money(line.currency(), line.tax());
        return new LineRefund(line, unitPrice, price, policy.category(line.category()).feePercent(), fee, tax,
                price.minus(fee).plus(tax));
    }

    /**
     * Expected refund E: the sum over the lines of quantity × unit_price − fee + tax, in the order's currency
     * (that of its lines: ingest keeps an order in one currency, MIXED_ORDER).
     */
    Money expectedRefund(List<OrderLine> lines) {
        Money total = currencies.zero(lines.get(0).currency());
        for (OrderLine line : lines) {
            total = total.plus(lineRefund(line).refund());
        }
        return total;
    }

    /** The cancellation fee the policy keeps on one line (as receipts show it). */
    public Money fee(OrderLine line) {
        return fee(line, priceOf(line));
    }

    /** fee = round(quantity × unit_price × fee-percent / 100) to the currency's minor unit, half-up. */
    private Money fee(OrderLine line, Money price) {
        return price.percentRoundedHalfUp(policy.category(line.category()).feePercent());
    }

    /** quantity × unit_price. */
    private Money priceOf(OrderLine line) {
        return currencies.money(line.currency(), line.unitPrice()).times(line.quantity());
    }

    /** A refund's amount (stored as read; its digits were checked on ingest). */
    private Money amountOf(RefundTxn refund) {
        return currencies.money(refund.currency(), refund.amount());
    }

    /** All lines of the order for a whole-order request, else that one line (empty when not found). */
    private static List<OrderLine> linesOf(CancellationRequest request, List<OrderLine> orderLines) {
        List<OrderLine> lines = new ArrayList<>();
        for (OrderLine line : orderLines) {
            if (line.orderId().equals(request.orderId())
                    && (request.isWholeOrder() || line.lineNo() == request.lineNo())) {
                lines.add(line);
            }
        }
        lines.sort(Comparator.comparingInt(OrderLine::lineNo));
        return Collections.unmodifiableList(lines);
    }
}
