package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Money;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.domain.RequestStatus;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The spec's outcome table as rows: the facts the rows read, each row's condition, the instant each outcome's
 * age runs from and the SLA a row compares it with. {@link CancellationRules} takes the first row that applies;
 * {@code recon explain} asks the same rows why the ones above it did not. The rows are {@link Outcome}'s
 * constants, in order.
 */
public final class OutcomeTable {

    private static final Outcome[] ROWS = Outcome.values();

    private OutcomeTable() {
    }

    /**
     * What the rows read about one request as of a cutoff (see {@link CancellationRules#facts}).
     *
     * @param orderFound       whether the request's lines were found; when not, the amounts are null
     * @param currencyMismatch a refund of the request is in another currency than the order's
     * @param expected         E, in the order's currency
     * @param settled          S: the SETTLED refunds in the order's currency
     * @param pending          P: the PENDING refunds in the order's currency
     * @param failed           F: the FAILED or REVERSED refunds, in any currency
     * @param oldestPending    the PENDING refund in the order's currency created first (then by txn_id); null if none
     * @param cutoff           the cutoff of the business date: ages are measured at it
     */
    public record Facts(CancellationRequest request, boolean orderFound, boolean currencyMismatch, Money expected,
                        Money settled, Money pending, long failed, RefundTxn oldestPending, Instant cutoff) {

        public RequestStatus status() {
            return request.status();
        }
    }

    /** A service level a row compares an age with: its setting's name (as configured) and its length. */
    public record Sla(String name, Duration limit) {
    }

    /**
     * The instant an outcome's age runs from and the field it is: the request's requested_at or decided_at, or
     * the created_at of the oldest PENDING refund ({@link Facts#oldestPending()}).
     */
    public record AgeFrom(String field, Instant instant) {
    }

    /** The first row that applies (one always does: rows 12 and 13 between them take every CONFIRMED request). */
    public static Outcome first(Facts facts, Policy policy) {
        for (Outcome row : ROWS) {
            if (applies(row, facts, policy)) {
                return row;
            }
        }
        throw new IllegalStateException("no outcome row applies to " + facts.request().requestId());
    }

    /**
     * One row's condition, read on its own as the spec's table states it (the table takes the first row that
     * applies). Rows 2 to 13 need the order: they do not apply when it was not found.
     */
    public static boolean applies(Outcome row, Facts f, Policy policy) {
        if (row == Outcome.ORDER_NOT_FOUND) {
            return !f.orderFound();
        }
        if (!f.orderFound()) {
            return false;
        }
        BigDecimal tolerance = policy.amountTolerance();
        BigDecimal s = f.settled().amount();
        BigDecimal e = f.expected().amount();
        boolean confirmed = f.status() == RequestStatus.CONFIRMED;
        boolean requested = f.status() == RequestStatus.REQUESTED;
        // exact: the tolerance is in the currency's units but need not be a whole minor unit (0.01 JPY)
        return switch (row) {
            case CURRENCY_MISMATCH -> f.currencyMismatch();
            case REJECTED -> f.status() == RequestStatus.REJECTED;
            case PENDING_DECISION -> requested && !isStuck(row, f, policy);
            case STUCK_AWAITING_DECISION -> requested && isStuck(row, f, policy);
            case OVER_REFUNDED -> confirmed && s.compareTo(e.add(tolerance)) > 0;
            case REFUNDED -> confirmed && s.subtract(e).abs().compareTo(tolerance) <= 0;
            case STUCK_REFUND_PENDING -> confirmed && f.pending().isPositive() && isStuck(row, f, policy);
            case REFUND_PENDING -> confirmed && f.pending().isPositive();
            case UNDER_REFUNDED -> confirmed && f.settled().isPositive();
            case REFUND_FAILED -> confirmed && f.failed() > 0;
            case AWAITING_REFUND -> confirmed && !isStuck(row, f, policy);
            case STUCK_NO_REFUND -> confirmed && isStuck(row, f, policy);
            case ORDER_NOT_FOUND -> throw new IllegalStateException("decided above");
        };
    }

    /**
     * The spec's "age": outcomes 1 and 4–5 since requested_at; 8–9 since the oldest PENDING refund's
     * created_at; every other outcome since decided_at when present, else since requested_at.
     */
    public static AgeFrom ageFrom(Outcome outcome, Facts f) {
        CancellationRequest request = f.request();
        return switch (outcome) {
            case ORDER_NOT_FOUND, PENDING_DECISION, STUCK_AWAITING_DECISION ->
                    new AgeFrom("requested_at", request.requestedAt());
            case STUCK_REFUND_PENDING, REFUND_PENDING ->
                    new AgeFrom("created_at", f.oldestPending().createdAt());
            default -> request.decidedAt() != null ? new AgeFrom("decided_at", request.decidedAt())
                    : new AgeFrom("requested_at", request.requestedAt());
        };
    }

    /**
     * The SLA a row compares the age with: the decision SLA (rows 4–5), the settlement SLA of the oldest
     * PENDING refund's method (8–9), the refund-start SLA (12–13); null for the rows that compare none.
     */
    public static Sla sla(Outcome row, Facts f, Policy policy) {
        return switch (row) {
            case PENDING_DECISION, STUCK_AWAITING_DECISION -> new Sla("decision-sla-hours", policy.decisionSla());
            case STUCK_REFUND_PENDING, REFUND_PENDING -> new Sla("settlement-sla-hours." + f.oldestPending().method(),
                    policy.settlementSla(f.oldestPending().method()));
            case AWAITING_REFUND, STUCK_NO_REFUND -> new Sla("refund-start-sla-hours", policy.refundStartSla());
            default -> null;
        };
    }

    /** Strict and exact: older when cutoff − instant is more than the SLA. */
    public static boolean isOlder(Instant instant, Duration sla, Instant cutoff) {
        return Duration.between(instant, cutoff).compareTo(sla) > 0;
    }

    /** Whether the age the row measures is over the SLA the row compares (rows with an SLA only). */
    private static boolean isStuck(Outcome row, Facts f, Policy policy) {
        return isOlder(ageFrom(row, f).instant(), sla(row, f, policy).limit(), f.cutoff());
    }
}
