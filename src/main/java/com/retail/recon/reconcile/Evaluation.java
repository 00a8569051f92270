package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Money;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.domain.RequestStatus;

import java.time.Duration;
import java.util.List;

/**
 * What the rules concluded about one cancellation request as of one business date.
 * For ORDER_NOT_FOUND, {@code policyCheck} and the three amounts are null; otherwise the amounts are in the
 * order's currency.
 *
 * @param lines     the request's lines (empty when not found)
 * @param refunds   every refund assigned to the request, in any currency
 * @param age       from the instant the outcome's age rule names to the cutoff
 * @param stuckSla  the SLA a STUCK_ outcome was judged against; null otherwise
 */
public record Evaluation(
        CancellationRequest request,
        List<OrderLine> lines,
        List<RefundTxn> refunds,
        PolicyCheck policyCheck,
        Outcome outcome,
        Money expectedRefund,
        Money settledAmount,
        Money pendingAmount,
        Duration age,
        Duration stuckSla) {

    /** Terminal: REFUNDED, and REJECTED with nothing settled. Everything else is evaluated again every night. */
    public boolean isTerminal() {
        return outcome == Outcome.REFUNDED
                || (outcome == Outcome.REJECTED && settledAmount.isZero());
    }

    /** The order's currency: that of the request's lines (null when the order was not found). */
    public String currency() {
        return expectedRefund == null ? null : expectedRefund.currency();
    }

    public boolean isFlagged() {
        return Escalations.isFlagged(this);
    }

    /** The refunds of this request whose currency is not the order's. */
    public List<RefundTxn> mismatchedRefunds() {
        String currency = currency();
        if (currency == null) {
            return List.of();
        }
        return refunds.stream().filter(refund -> !refund.currency().equals(currency)).toList();
    }

    public RequestStatus status() {
        return request.status();
    }

    /** Whole hours, rounded down (toward negative infinity for events after the cutoff). */
    public long ageHours() {
        return Math.floorDiv(age.toSeconds(), 3600);
    }
}
