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
import java.util.Optional;

/**
 * The spec's reconciliation rules for one cancellation request: expected refund, S/P/F, policy check,
 * outcome and age. Plain Java: the caller hands in the request, its order's lines and its refunds, all in
 * their latest versions as of the business date, and the cutoff of that date.
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
        if (lines.isEmpty()) {
            return new Evaluation(request, lines, refunds, null, Outcome.ORDER_NOT_FOUND,
                    null, null, null, Duration.between(request.requestedAt(), cutoff), null);
        }
        Money expected = expectedRefund(lines);
        String currency = expected.currency();
        // S and P over the refunds in the order's currency, F over all of them
        Money settled = currencies.zero(currency);
        Money pending = currencies.zero(currency);
        long failed = 0;
        RefundTxn oldest = null;
        boolean currencyMismatch = false;
        for (RefundTxn refund : refunds) {
            if (refund.status() == RefundStatus.FAILED || refund.status() == RefundStatus.REVERSED) {
                failed++;
            }
            if (!refund.currency().equals(currency)) {
                currencyMismatch = true;
            } else if (refund.status() == RefundStatus.SETTLED) {
                settled = settled.plus(amountOf(refund));
            } else if (refund.status() == RefundStatus.PENDING) {
                pending = pending.plus(amountOf(refund));
                if (oldest == null || OLDEST_FIRST.compare(refund, oldest) < 0) {
                    oldest = refund;
                }
            }
        }
        Optional<RefundTxn> oldestPending = Optional.ofNullable(oldest);

        Outcome outcome = outcome(request, currencyMismatch, expected, settled, pending, failed, oldestPending, cutoff);
        Instant ageFrom = ageFrom(outcome, request, oldestPending);
        return new Evaluation(request, lines, refunds, PolicyCheck.of(request, lines, policy), outcome,
                expected, settled, pending, Duration.between(ageFrom, cutoff),
                stuckSla(outcome, oldestPending));
    }

    /** The spec's outcome table: the first row that applies. (Row 1, order not found, is decided above.) */
    private Outcome outcome(CancellationRequest request, boolean currencyMismatch, Money expected,
                            Money settled, Money pending, long failed,
                            Optional<RefundTxn> oldestPending, Instant cutoff) {
        if (currencyMismatch) {
            return Outcome.CURRENCY_MISMATCH;
        }
        // exact: the tolerance is in the currency's units but need not be a whole minor unit (0.01 JPY)
        BigDecimal tolerance = policy.amountTolerance();
        BigDecimal s = settled.amount();
        BigDecimal e = expected.amount();
        return switch (request.status()) {
            case REJECTED -> Outcome.REJECTED;
            case REQUESTED -> olderThan(request.requestedAt(), policy.decisionSla(), cutoff)
                    ? Outcome.STUCK_AWAITING_DECISION : Outcome.PENDING_DECISION;
            case CONFIRMED -> {
                if (s.compareTo(e.add(tolerance)) > 0) {
                    yield Outcome.OVER_REFUNDED;
                }
                if (s.subtract(e).abs().compareTo(tolerance) <= 0) {
                    yield Outcome.REFUNDED;
                }
                if (pending.isPositive()) {
                    RefundTxn oldest = oldestPending.orElseThrow();
                    yield olderThan(oldest.createdAt(), policy.settlementSla(oldest.method()), cutoff)
                            ? Outcome.STUCK_REFUND_PENDING : Outcome.REFUND_PENDING;
                }
                if (settled.isPositive()) {
                    yield Outcome.UNDER_REFUNDED;
                }
                if (failed > 0) {
                    yield Outcome.REFUND_FAILED;
                }
                yield olderThan(request.decidedAt(), policy.refundStartSla(), cutoff)
                        ? Outcome.STUCK_NO_REFUND : Outcome.AWAITING_REFUND;
            }
        };
    }

    /**
     * Expected refund E: the sum over the lines of quantity × unit_price − fee + tax, in the order's currency
     * (that of its lines: ingest keeps an order in one currency, MIXED_ORDER).
     */
    Money expectedRefund(List<OrderLine> lines) {
        Money total = currencies.zero(lines.get(0).currency());
        for (OrderLine line : lines) {
            Money price = priceOf(line);
            total = total.plus(price).minus(fee(line, price)).plus(currencies.money(line.currency(), line.tax()));
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

    /** Strict and exact: older when cutoff − instant is more than the SLA. */
    private static boolean olderThan(Instant instant, Duration sla, Instant cutoff) {
        return Duration.between(instant, cutoff).compareTo(sla) > 0;
    }

    private Instant ageFrom(Outcome outcome, CancellationRequest request, Optional<RefundTxn> oldestPending) {
        return switch (outcome) {
            case ORDER_NOT_FOUND, PENDING_DECISION, STUCK_AWAITING_DECISION -> request.requestedAt();
            case STUCK_REFUND_PENDING, REFUND_PENDING -> oldestPending.orElseThrow().createdAt();
            default -> request.decidedAt() != null ? request.decidedAt() : request.requestedAt();
        };
    }

    private Duration stuckSla(Outcome outcome, Optional<RefundTxn> oldestPending) {
        return switch (outcome) {
            case STUCK_AWAITING_DECISION -> policy.decisionSla();
            case STUCK_NO_REFUND -> policy.refundStartSla();
            case STUCK_REFUND_PENDING -> policy.settlementSla(oldestPending.orElseThrow().method());
            default -> null;
        };
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
