package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.retail.recon.reconcile.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Flagged for customer service: which requests, priority, and the suggested action. */
class EscalationsTests {

    private static final List<OrderLine> ORDER = List.of(usdLine("O-1", 1, "100.00"));

    @Test
    void stuckAwaitingDecision_isFlagged_normalUpToTwiceTheSla() {
        Evaluation e = RULES.evaluate(requested("R-1", "O-1", hoursBeforeCutoff(48)), ORDER, List.of(), CUTOFF);
        assertThat(e.outcome()).isEqualTo(Outcome.STUCK_AWAITING_DECISION);
        assertThat(e.isFlagged()).isTrue();
        assertThat(Escalations.priority(e)).isEqualTo(Escalations.Priority.NORMAL);
        assertThat(Escalations.suggestedAction(e)).isEqualTo("Decide the request: no decision within the SLA");
    }

    @Test
    void stuckOverTwiceTheSla_isHigh() {
        Evaluation e = RULES.evaluate(requested("R-1", "O-1", secondsBeforeCutoff(48 * 3600 + 1)), ORDER, List.of(),
                CUTOFF);
        assertThat(Escalations.priority(e)).isEqualTo(Escalations.Priority.HIGH);
    }

    @Test
    void stuckRefundPending_usesTheSettlementSlaOfItsMethodForPriority() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(300), hoursBeforeCutoff(299));
        Evaluation normal = RULES.evaluate(request, ORDER,
                List.of(pending("T-1", "R-1", "100.00", hoursBeforeCutoff(240))), CUTOFF);
        Evaluation high = RULES.evaluate(request, ORDER,
                List.of(pending("T-1", "R-1", "100.00", secondsBeforeCutoff(240 * 3600 + 1))), CUTOFF);
        assertThat(normal.outcome()).isEqualTo(Outcome.STUCK_REFUND_PENDING);
        assertThat(Escalations.priority(normal)).isEqualTo(Escalations.Priority.NORMAL);
        assertThat(Escalations.priority(high)).isEqualTo(Escalations.Priority.HIGH);
        assertThat(Escalations.suggestedAction(high)).isEqualTo("Chase the pending refund with the payment provider");
    }

    @Test
    void stuckNoRefund_isFlagged() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(60), hoursBeforeCutoff(50));
        Evaluation e = RULES.evaluate(request, ORDER, List.of(), CUTOFF);
        assertThat(e.outcome()).isEqualTo(Outcome.STUCK_NO_REFUND);
        assertThat(e.isFlagged()).isTrue();
        assertThat(Escalations.priority(e)).isEqualTo(Escalations.Priority.NORMAL);
        assertThat(Escalations.suggestedAction(e)).isEqualTo("Start the refund: confirmed with no refund activity");
    }

    @Test
    void refundFailed_isHigh() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5));
        Evaluation e = RULES.evaluate(request, ORDER,
                List.of(refund("T-1", "R-1", "100.00", RefundStatus.FAILED, hoursBeforeCutoff(4))), CUTOFF);
        assertThat(e.isFlagged()).isTrue();
        assertThat(Escalations.priority(e)).isEqualTo(Escalations.Priority.HIGH);
        assertThat(Escalations.suggestedAction(e)).isEqualTo("Reissue the refund: it failed or was reversed");
    }

    @Test
    void underRefunded_isHigh_andSaysTheShortfall() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5));
        Evaluation e = RULES.evaluate(request, ORDER, List.of(settled("T-1", "R-1", "95.00")), CUTOFF);
        assertThat(Escalations.priority(e)).isEqualTo(Escalations.Priority.HIGH);
        assertThat(Escalations.suggestedAction(e)).isEqualTo("Refund the shortfall of 5.00 USD");
    }

    @Test
    void shippedAfterConfirmation_isFlaggedHigh_evenWhenRefunded() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5));
        List<OrderLine> shipped = List.of(shipped(usdLine("O-1", 1, "100.00"), hoursBeforeCutoff(2)));
        Evaluation e = RULES.evaluate(request, shipped, List.of(settled("T-1", "R-1", "100.00")), CUTOFF);
        assertThat(e.outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(e.isFlagged()).isTrue();
        assertThat(Escalations.priority(e)).isEqualTo(Escalations.Priority.HIGH);
        assertThat(Escalations.suggestedAction(e))
                .isEqualTo("Stop the shipment or arrange a return: shipped after the cancellation was confirmed");
    }

    @Test
    void severalTriggers_joinTheirActions() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(60), hoursBeforeCutoff(50));
        List<OrderLine> shipped = List.of(shipped(usdLine("O-1", 1, "100.00"), hoursBeforeCutoff(2)));
        Evaluation e = RULES.evaluate(request, shipped, List.of(), CUTOFF);
        assertThat(e.outcome()).isEqualTo(Outcome.STUCK_NO_REFUND);
        assertThat(Escalations.priority(e)).isEqualTo(Escalations.Priority.HIGH);
        assertThat(Escalations.suggestedAction(e)).isEqualTo("Start the refund: confirmed with no refund activity; "
                + "Stop the shipment or arrange a return: shipped after the cancellation was confirmed");
    }

    @Test
    void orderNotFound_isFlaggedOnlyWhenConfirmed() {
        CancellationRequest confirmed = confirmed("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5));
        Evaluation e = RULES.evaluate(confirmed, List.of(), List.of(), CUTOFF);
        assertThat(e.isFlagged()).isTrue();
        assertThat(Escalations.priority(e)).isEqualTo(Escalations.Priority.NORMAL);
        assertThat(Escalations.suggestedAction(e))
                .isEqualTo("Find the order: the customer was told it is cancelled but no order line matches");
        assertThat(RULES.evaluate(requested("R-1", "O-1", hoursBeforeCutoff(6)), List.of(), List.of(), CUTOFF)
                .isFlagged()).isFalse();
    }

    @Test
    void pendingAwaitingAndRefundedOutcomes_areNotFlagged() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5));
        assertThat(RULES.evaluate(request, ORDER, List.of(), CUTOFF).isFlagged()).isFalse();
        assertThat(RULES.evaluate(request, ORDER, List.of(settled("T-1", "R-1", "100.00")), CUTOFF).isFlagged())
                .isFalse();
        assertThat(RULES.evaluate(requested("R-1", "O-1", hoursBeforeCutoff(2)), ORDER, List.of(), CUTOFF)
                .isFlagged()).isFalse();
    }

    @Test
    void flaggedBecause_andHighBecause_nameEveryTrigger() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(30), hoursBeforeCutoff(29));
        OrderLine shippedLate = shipped(usdLine("O-1", 1, "100.00"), hoursBeforeCutoff(2));
        Evaluation e = RULES.evaluate(request, List.of(shippedLate),
                List.of(refund("T-1", "R-1", "100.00", RefundStatus.FAILED, hoursBeforeCutoff(20))), CUTOFF);
        assertThat(e.outcome()).isEqualTo(Outcome.REFUND_FAILED);
        assertThat(Escalations.flaggedBecause(e)).containsExactly(Escalations.FlagTrigger.OUTCOME,
                Escalations.FlagTrigger.SHIPPED_AFTER_CONFIRMATION);
        assertThat(Escalations.highBecause(e)).containsExactly(Escalations.HighTrigger.OUTCOME,
                Escalations.HighTrigger.SHIPPED_AFTER_CONFIRMATION);

        Evaluation quiet = RULES.evaluate(requested("R-2", "O-1", hoursBeforeCutoff(1)), ORDER, List.of(), CUTOFF);
        assertThat(Escalations.flaggedBecause(quiet)).isEmpty();
        assertThat(quiet.isFlagged()).isFalse();
    }
}
