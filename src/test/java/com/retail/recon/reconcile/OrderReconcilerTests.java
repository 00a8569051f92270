package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.retail.recon.reconcile.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions, refund assignment within an order, which requests a date reports, "new" escalations and
 * receipts (REFUNDED on D and not on D−1).
 */
class OrderReconcilerTests {

    private static final LocalDate D_MINUS_1 = D.minusDays(1);
    private static final OrderReconciler RECONCILER = new OrderReconciler(RULES);
    private static final OrderLine LINE = dated(usdLine("O-1", 1, "100.00"), D_MINUS_1);

    private static List<ReportedRequest> reconcile(List<OrderLine> lines, List<CancellationRequest> requests,
                                                   List<RefundTxn> refunds) {
        return RECONCILER.reconcile(new OrderHistory("O-1", lines, requests, refunds), D);
    }

    @Test
    void theLatestVersionAsOfTheDateWins_andLaterVersionsAreIgnored() {
        CancellationRequest v1 = dated(requested("R-1", "O-1", hoursBeforeCutoff(30)), D_MINUS_1);
        CancellationRequest v2 = confirmed("R-1", "O-1", hoursBeforeCutoff(30), hoursBeforeCutoff(3));
        CancellationRequest future = dated(rejected("R-1", "O-1", hoursBeforeCutoff(30), hoursBeforeCutoff(1)),
                D.plusDays(1));
        List<ReportedRequest> reported = reconcile(List.of(LINE), List.of(v1, v2, future), List.of());
        assertThat(reported).singleElement().satisfies(r -> {
            assertThat(r.today().outcome()).isEqualTo(Outcome.AWAITING_REFUND);
            assertThat(r.yesterday().status().name()).isEqualTo("REQUESTED");
        });
    }

    @Test
    void aRefundWithoutRequestId_goesToTheOrdersOnlyRequest() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5));
        List<ReportedRequest> reported = reconcile(List.of(LINE), List.of(request),
                List.of(settled("T-1", null, "100.00")));
        assertThat(reported.get(0).today().outcome()).isEqualTo(Outcome.REFUNDED);
    }

    @Test
    void aRefundWithoutRequestId_onAnOrderWithTwoRequests_isNobodys() {
        CancellationRequest r1 = forLine(confirmed("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5)), 1);
        CancellationRequest r2 = forLine(requested("R-2", "O-1", hoursBeforeCutoff(6)), 1);
        List<ReportedRequest> reported = reconcile(List.of(LINE), List.of(r1, r2),
                List.of(settled("T-1", null, "100.00")));
        assertThat(reported).allSatisfy(r -> assertThat(r.today().refunds()).isEmpty());
    }

    @Test
    void terminalAndUntouched_isNotReported() {
        CancellationRequest request = dated(confirmed("R-1", "O-1", hoursBeforeCutoff(30), hoursBeforeCutoff(29)),
                D_MINUS_1);
        RefundTxn paid = dated(settled("T-1", "R-1", "100.00"), D_MINUS_1);
        assertThat(reconcile(List.of(LINE), List.of(request), List.of(paid))).isEmpty();
    }

    @Test
    void terminalButTouchedByARowOfItsOrder_isReportedAgain() {
        CancellationRequest request = dated(confirmed("R-1", "O-1", hoursBeforeCutoff(30), hoursBeforeCutoff(29)),
                D_MINUS_1);
        RefundTxn paid = dated(settled("T-1", "R-1", "100.00"), D_MINUS_1);
        OrderLine otherLineArrivedToday = usdLine("O-1", 2, "0.00");
        List<ReportedRequest> reported = reconcile(List.of(LINE, otherLineArrivedToday), List.of(forLine(request, 1)),
                List.of(paid));
        assertThat(reported).singleElement().satisfies(r -> {
            assertThat(r.today().outcome()).isEqualTo(Outcome.REFUNDED);
            assertThat(r.becameRefunded()).as("refunded already on D-1: no new receipt").isFalse();
        });
    }

    @Test
    void aRequestClosedByAChangeElsewhere_isReportedOnceInItsClosingState() {
        // D-1: R-1 is REJECTED with T-1 (no request_id) settled on it: open (money settled on a rejection).
        // D: R-2 arrives on the order, T-1 becomes ambiguous, R-1 is REJECTED with nothing settled: terminal.
        CancellationRequest first = dated(forLine(rejected("R-1", "O-1", hoursBeforeCutoff(40),
                hoursBeforeCutoff(39)), 1), D_MINUS_1);
        RefundTxn paid = dated(settled("T-1", null, "100.00"), D_MINUS_1);
        CancellationRequest second = forLine(requested("R-2", "O-1", hoursBeforeCutoff(2)), 1);
        List<ReportedRequest> reported = reconcile(List.of(LINE), List.of(first, second), List.of(paid));
        assertThat(reported).extracting(r -> r.today().request().requestId()).containsExactly("R-1", "R-2");
        assertThat(reported.get(0).today().isTerminal()).isTrue();
        assertThat(reported.get(0).yesterday().isTerminal()).isFalse();
    }

    @Test
    void aRequestThatDidNotExistYesterday_isNewWhenFlagged_andGetsAReceiptWhenRefunded() {
        CancellationRequest stuck = requested("R-1", "O-1", hoursBeforeCutoff(30));
        ReportedRequest flagged = reconcile(List.of(LINE), List.of(stuck), List.of()).get(0);
        assertThat(flagged.yesterday()).isNull();
        assertThat(flagged.isNewlyFlagged()).isTrue();

        CancellationRequest done = confirmed("R-1", "O-1", hoursBeforeCutoff(3), hoursBeforeCutoff(2));
        assertThat(reconcile(List.of(LINE), List.of(done), List.of(settled("T-1", "R-1", "100.00"))).get(0)
                .becameRefunded()).isTrue();
    }

    @Test
    void aTerminalRequest_isTouchedByARefundOfItArrivingToday() {
        CancellationRequest request = dated(rejected("R-1", "O-1", hoursBeforeCutoff(40), hoursBeforeCutoff(39)),
                D_MINUS_1);
        RefundTxn failed = refund("T-1", "R-1", "5.00", com.retail.recon.domain.RefundStatus.FAILED,
                hoursBeforeCutoff(1));
        List<ReportedRequest> reported = reconcile(List.of(LINE), List.of(request), List.of(failed));
        assertThat(reported).singleElement().satisfies(r -> assertThat(r.today().isTerminal()).isTrue());
    }

    @Test
    void aRejectedRequestStillCountsAsTheOrdersOnlyRequest() {
        CancellationRequest request = rejected("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5));
        ReportedRequest r = reconcile(List.of(LINE), List.of(request), List.of(settled("T-1", null, "40.00"))).get(0);
        assertThat(r.today().refunds()).extracting(RefundTxn::txnId).containsExactly("T-1");
        assertThat(r.exceptions(CURRENCIES)).extracting(FinanceException::type)
                .containsExactly(FinanceException.ExceptionType.REFUND_NOT_CONFIRMED);
    }

    @Test
    void openRequestsAreReportedEveryDay() {
        CancellationRequest request = dated(requested("R-1", "O-1", hoursBeforeCutoff(30)), D_MINUS_1);
        assertThat(reconcile(List.of(LINE), List.of(request), List.of())).singleElement()
                .satisfies(r -> assertThat(r.today().outcome()).isEqualTo(Outcome.STUCK_AWAITING_DECISION));
    }

    @Test
    void newEscalation_whenNotFlaggedOnTheDayBefore() {
        // requested 30 h before the cutoff of D: 6 h old on D-1 (pending), stuck on D
        CancellationRequest request = dated(requested("R-1", "O-1", hoursBeforeCutoff(30)), D_MINUS_1);
        ReportedRequest r = reconcile(List.of(LINE), List.of(request), List.of()).get(0);
        assertThat(r.isFlagged()).isTrue();
        assertThat(r.isNewlyFlagged()).isTrue();
    }

    @Test
    void notNew_whenAlreadyFlaggedOnTheDayBefore_evenIfTheReasonChanged() {
        // stuck awaiting decision on D-1, then confirmed with a failed refund on D: still flagged, not new
        CancellationRequest v1 = dated(requested("R-1", "O-1", hoursBeforeCutoff(80)), D_MINUS_1);
        CancellationRequest v2 = confirmed("R-1", "O-1", hoursBeforeCutoff(80), hoursBeforeCutoff(5));
        RefundTxn failed = refund("T-1", "R-1", "100.00", com.retail.recon.domain.RefundStatus.FAILED,
                hoursBeforeCutoff(4));
        ReportedRequest r = reconcile(List.of(LINE), List.of(v1, v2), List.of(failed)).get(0);
        assertThat(r.yesterday().isFlagged()).isTrue();
        assertThat(r.today().outcome()).isEqualTo(Outcome.REFUND_FAILED);
        assertThat(r.isNewlyFlagged()).isFalse();
    }

    @Test
    void becameRefunded_whenRefundedOnDAndNotOnDMinus1() {
        CancellationRequest request = dated(confirmed("R-1", "O-1", hoursBeforeCutoff(30), hoursBeforeCutoff(29)),
                D_MINUS_1);
        ReportedRequest r = reconcile(List.of(LINE), List.of(request), List.of(settled("T-1", "R-1", "100.00")))
                .get(0);
        assertThat(r.today().outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(r.becameRefunded()).isTrue();
    }

    @Test
    void aSecondRequestArrivingUnassignsTheEarlierRefund_andReopensTheFirst() {
        CancellationRequest first = dated(forLine(confirmed("R-1", "O-1", hoursBeforeCutoff(30),
                hoursBeforeCutoff(29)), 1), D_MINUS_1);
        RefundTxn paid = dated(settled("T-1", null, "100.00"), D_MINUS_1);
        CancellationRequest second = forLine(requested("R-2", "O-1", hoursBeforeCutoff(2)), 1);
        List<ReportedRequest> reported = reconcile(List.of(LINE), List.of(first, second), List.of(paid));
        assertThat(reported).extracting(r -> r.today().request().requestId()).containsExactly("R-1", "R-2");
        assertThat(reported.get(0).yesterday().outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(reported.get(0).today().outcome()).isEqualTo(Outcome.AWAITING_REFUND);
    }
}
