package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundMethod;
import com.retail.recon.domain.RefundStatus;
import com.retail.recon.domain.RefundTxn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.retail.recon.reconcile.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The spec's outcome table, one test per row, plus each SLA exactly at and one second past its threshold. */
class OutcomeTableTests {

    private static final List<OrderLine> ORDER = List.of(usdLine("O-1", 1, "100.00"));
    private static final Instant DECIDED = hoursBeforeCutoff(10);
    private static final CancellationRequest CONFIRMED = confirmed("R-1", "O-1", hoursBeforeCutoff(12), DECIDED);

    private static Outcome outcome(CancellationRequest request, List<OrderLine> lines, RefundTxn... refunds) {
        return RULES.evaluate(request, lines, List.of(refunds), CUTOFF).outcome();
    }

    @Test
    void row1_orderNotFound_whenTheOrderHasNoLines() {
        assertThat(outcome(CONFIRMED, List.of())).isEqualTo(Outcome.ORDER_NOT_FOUND);
    }

    @Test
    void row1_orderNotFound_whenTheRequestedLineDoesNotExist() {
        assertThat(outcome(forLine(CONFIRMED, 2), ORDER)).isEqualTo(Outcome.ORDER_NOT_FOUND);
    }

    @Test
    void row2_currencyMismatch_beforeEverythingElse() {
        RefundTxn euros = withCurrency(settled("T-1", "R-1", "100.00"), "EUR");
        assertThat(outcome(rejected("R-1", "O-1", hoursBeforeCutoff(12), DECIDED), ORDER, euros))
                .isEqualTo(Outcome.CURRENCY_MISMATCH);
    }

    @Test
    void row2_currencyMismatch_alsoForAPendingRefund() {
        RefundTxn euros = withCurrency(pending("T-1", "R-1", "100.00", hoursBeforeCutoff(1)), "EUR");
        assertThat(outcome(CONFIRMED, ORDER, euros)).isEqualTo(Outcome.CURRENCY_MISMATCH);
    }

    @Test
    void row7_refunded_whenNothingIsExpectedAndNothingPaid() {
        assertThat(outcome(CONFIRMED, List.of(usdLine("O-1", 1, "0.00")))).isEqualTo(Outcome.REFUNDED);
    }

    @Test
    void row8_theOldestPendingRefund_tiesGoToTheSmallerTxnId() {
        Instant same = secondsBeforeCutoff(24 * 3600 + 1);
        RefundTxn card = pending("T-2", "R-1", "50.00", same);
        RefundTxn credit = withMethod(pending("T-1", "R-1", "50.00", same), RefundMethod.ACCOUNT_CREDIT);
        // T-1 (account credit, 24 h SLA) decides: stuck; were T-2 (card, 120 h) chosen it would be pending
        assertThat(outcome(CONFIRMED, ORDER, card, credit)).isEqualTo(Outcome.STUCK_REFUND_PENDING);
    }

    @Test
    void row3_rejected() {
        assertThat(outcome(rejected("R-1", "O-1", hoursBeforeCutoff(12), DECIDED), ORDER))
                .isEqualTo(Outcome.REJECTED);
    }

    @Nested
    class DecisionSla {
        @Test
        void row4_pendingDecision_exactlyAtTheSla() {
            assertThat(outcome(requested("R-1", "O-1", hoursBeforeCutoff(24)), ORDER))
                    .isEqualTo(Outcome.PENDING_DECISION);
        }

        @Test
        void row5_stuckAwaitingDecision_oneSecondPastTheSla() {
            assertThat(outcome(requested("R-1", "O-1", secondsBeforeCutoff(24 * 3600 + 1)), ORDER))
                    .isEqualTo(Outcome.STUCK_AWAITING_DECISION);
        }
    }

    @Nested
    class Amounts {
        @Test
        void row6_overRefunded_whenSettledExceedsExpectedPlusTolerance() {
            assertThat(outcome(CONFIRMED, ORDER, settled("T-1", "R-1", "100.02"))).isEqualTo(Outcome.OVER_REFUNDED);
        }

        @Test
        void row7_refunded_withinTheToleranceAbove() {
            assertThat(outcome(CONFIRMED, ORDER, settled("T-1", "R-1", "100.01"))).isEqualTo(Outcome.REFUNDED);
        }

        @Test
        void row7_refunded_withinTheToleranceBelow() {
            assertThat(outcome(CONFIRMED, ORDER, settled("T-1", "R-1", "60.00"), settled("T-2", "R-1", "39.99")))
                    .isEqualTo(Outcome.REFUNDED);
        }

        @Test
        void row10_underRefunded_justOutsideTheTolerance() {
            assertThat(outcome(CONFIRMED, ORDER, settled("T-1", "R-1", "99.98"))).isEqualTo(Outcome.UNDER_REFUNDED);
        }

        @Test
        void row11_refundFailed_whenNothingSettledOrPendingAndAFailure() {
            RefundTxn failed = refund("T-1", "R-1", "100.00", RefundStatus.FAILED, hoursBeforeCutoff(5));
            assertThat(outcome(CONFIRMED, ORDER, failed)).isEqualTo(Outcome.REFUND_FAILED);
        }

        @Test
        void row11_reversedCountsAsFailed() {
            RefundTxn reversed = refund("T-1", "R-1", "100.00", RefundStatus.REVERSED, hoursBeforeCutoff(5));
            assertThat(outcome(CONFIRMED, ORDER, reversed)).isEqualTo(Outcome.REFUND_FAILED);
        }

        @Test
        void row10_beforeRow11_aPartialSettlementWithAFailureIsUnderRefunded() {
            RefundTxn failed = refund("T-2", "R-1", "50.00", RefundStatus.FAILED, hoursBeforeCutoff(5));
            assertThat(outcome(CONFIRMED, ORDER, settled("T-1", "R-1", "50.00"), failed))
                    .isEqualTo(Outcome.UNDER_REFUNDED);
        }
    }

    @Nested
    class SettlementSla {
        @Test
        void row9_refundPending_cardRefundExactlyAtItsSla() {
            RefundTxn pending = pending("T-1", "R-1", "100.00", hoursBeforeCutoff(120));
            assertThat(outcome(CONFIRMED, ORDER, pending)).isEqualTo(Outcome.REFUND_PENDING);
        }

        @Test
        void row8_stuckRefundPending_cardRefundOneSecondPastItsSla() {
            RefundTxn pending = pending("T-1", "R-1", "100.00", secondsBeforeCutoff(120 * 3600 + 1));
            assertThat(outcome(CONFIRMED, ORDER, pending)).isEqualTo(Outcome.STUCK_REFUND_PENDING);
        }

        @Test
        void row9_refundPending_accountCreditExactlyAtItsSla() {
            RefundTxn pending = withMethod(pending("T-1", "R-1", "100.00", hoursBeforeCutoff(24)),
                    RefundMethod.ACCOUNT_CREDIT);
            assertThat(outcome(CONFIRMED, ORDER, pending)).isEqualTo(Outcome.REFUND_PENDING);
        }

        @Test
        void row8_stuckRefundPending_accountCreditOneSecondPastItsSla() {
            RefundTxn pending = withMethod(pending("T-1", "R-1", "100.00", secondsBeforeCutoff(24 * 3600 + 1)),
                    RefundMethod.ACCOUNT_CREDIT);
            assertThat(outcome(CONFIRMED, ORDER, pending)).isEqualTo(Outcome.STUCK_REFUND_PENDING);
        }

        @Test
        void row8_theOldestPendingRefundDecides() {
            RefundTxn old = pending("T-1", "R-1", "10.00", secondsBeforeCutoff(120 * 3600 + 1));
            RefundTxn fresh = pending("T-2", "R-1", "90.00", hoursBeforeCutoff(1));
            assertThat(outcome(CONFIRMED, ORDER, fresh, old)).isEqualTo(Outcome.STUCK_REFUND_PENDING);
        }

        @Test
        void row9_beforeRow10_pendingWinsOverAPartialSettlement() {
            RefundTxn pending = pending("T-2", "R-1", "50.00", hoursBeforeCutoff(1));
            assertThat(outcome(CONFIRMED, ORDER, settled("T-1", "R-1", "50.00"), pending))
                    .isEqualTo(Outcome.REFUND_PENDING);
        }
    }

    @Nested
    class RefundStartSla {
        @Test
        void row12_awaitingRefund_exactlyAtTheSla() {
            CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(50), hoursBeforeCutoff(48));
            assertThat(outcome(request, ORDER)).isEqualTo(Outcome.AWAITING_REFUND);
        }

        @Test
        void row13_stuckNoRefund_oneSecondPastTheSla() {
            CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(50),
                    secondsBeforeCutoff(48 * 3600 + 1));
            assertThat(outcome(request, ORDER)).isEqualTo(Outcome.STUCK_NO_REFUND);
        }
    }

    @Test
    void terminal_isRefundedOrRejectedWithNothingSettled() {
        assertThat(RULES.evaluate(CONFIRMED, ORDER, List.of(settled("T-1", "R-1", "100.00")), CUTOFF).isTerminal())
                .isTrue();
        CancellationRequest rejected = rejected("R-1", "O-1", hoursBeforeCutoff(12), DECIDED);
        assertThat(RULES.evaluate(rejected, ORDER, List.of(), CUTOFF).isTerminal()).isTrue();
        assertThat(RULES.evaluate(rejected, ORDER, List.of(settled("T-1", "R-1", "1.00")), CUTOFF).isTerminal())
                .as("REJECTED with money settled stays open").isFalse();
        assertThat(RULES.evaluate(CONFIRMED, ORDER, List.of(), CUTOFF).isTerminal()).isFalse();
    }

    @Test
    void theTableTakesTheFirstRowThatApplies_andNoRowAboveItApplies() {
        RefundTxn failed = refund("T-1", "R-1", "100.00", RefundStatus.FAILED, hoursBeforeCutoff(5));
        Evaluation e = RULES.evaluate(CONFIRMED, ORDER, List.of(failed), CUTOFF);
        OutcomeTable.Facts facts = RULES.facts(CONFIRMED, e.lines(), e.refunds(), CUTOFF);
        assertThat(OutcomeTable.first(facts, POLICY)).isEqualTo(e.outcome()).isEqualTo(Outcome.REFUND_FAILED);
        for (Outcome row : Outcome.values()) {
            if (row.ordinal() < Outcome.REFUND_FAILED.ordinal()) {
                assertThat(OutcomeTable.applies(row, facts, POLICY)).as("%s", row).isFalse();
            }
        }
        // rows below the deciding one may apply too: the table stops at the first
        assertThat(OutcomeTable.applies(Outcome.AWAITING_REFUND, facts, POLICY)).isTrue();
    }

    @Test
    void theSlaARowCompares_andTheInstantItsAgeRunsFrom() {
        RefundTxn credit = withMethod(pending("T-1", "R-1", "100.00", hoursBeforeCutoff(5)),
                RefundMethod.ACCOUNT_CREDIT);
        OutcomeTable.Facts facts = RULES.facts(CONFIRMED, ORDER, List.of(credit), CUTOFF);
        assertThat(OutcomeTable.sla(Outcome.REFUND_PENDING, facts, POLICY))
                .isEqualTo(new OutcomeTable.Sla("settlement-sla-hours.ACCOUNT_CREDIT", java.time.Duration.ofHours(24)));
        assertThat(OutcomeTable.ageFrom(Outcome.REFUND_PENDING, facts))
                .isEqualTo(new OutcomeTable.AgeFrom("created_at", hoursBeforeCutoff(5)));
        assertThat(OutcomeTable.ageFrom(Outcome.REFUNDED, facts))
                .isEqualTo(new OutcomeTable.AgeFrom("decided_at", DECIDED));
        assertThat(OutcomeTable.sla(Outcome.REFUNDED, facts, POLICY)).isNull();
    }
}
