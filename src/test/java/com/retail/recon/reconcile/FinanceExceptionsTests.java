package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundStatus;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.FinanceException.ExceptionType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.retail.recon.reconcile.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The finance exceptions, one test per type. */
class FinanceExceptionsTests {

    private static final List<OrderLine> ORDER = List.of(usdLine("O-1", 1, "100.00"));
    private static final CancellationRequest CONFIRMED =
            confirmed("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5));

    private static List<FinanceException> exceptions(CancellationRequest request, List<OrderLine> lines,
                                                     RefundTxn... refunds) {
        return FinanceExceptions.of(RULES.evaluate(request, lines, List.of(refunds), CUTOFF), CURRENCIES);
    }

    @Test
    void orderNotFound() {
        assertThat(exceptions(forLine(CONFIRMED, 3), ORDER)).containsExactly(new FinanceException(
                ExceptionType.ORDER_NOT_FOUND, "R-1", "O-1", null, null, "line 3 of order O-1 not found"));
    }

    @Test
    void currencyMismatch_onePerRefundInAnotherCurrency() {
        RefundTxn euros = withCurrency(settled("T-2", "R-1", "90.00"), "EUR");
        assertThat(exceptions(CONFIRMED, ORDER, settled("T-1", "R-1", "10.00"), euros))
                .containsExactly(new FinanceException(ExceptionType.CURRENCY_MISMATCH, "R-1", "O-1", "T-2",
                        money("EUR", "90.00"), "refund in EUR on a USD order"));
    }

    @Test
    void overRefunded_amountIsSMinusE() {
        assertThat(exceptions(CONFIRMED, ORDER, settled("T-1", "R-1", "120.00"))).containsExactly(
                new FinanceException(ExceptionType.OVER_REFUNDED, "R-1", "O-1", null, money("USD", "20.00"),
                        "settled 120.00 against expected 100.00"));
    }

    @Test
    void underRefunded_amountIsEMinusS() {
        assertThat(exceptions(CONFIRMED, ORDER, settled("T-1", "R-1", "70.00"))).containsExactly(
                new FinanceException(ExceptionType.UNDER_REFUNDED, "R-1", "O-1", null, money("USD", "30.00"),
                        "settled 70.00 against expected 100.00"));
    }

    @Test
    void confirmedAgainstPolicy_forChecksOneToThree() {
        List<OrderLine> digital = List.of(line("O-1", 1, "DIGITAL", 1, "100.00", "0.00", "USD"));
        assertThat(exceptions(CONFIRMED, digital, settled("T-1", "R-1", "100.00"))).containsExactly(
                new FinanceException(ExceptionType.CONFIRMED_AGAINST_POLICY, "R-1", "O-1", null, null,
                        "confirmed despite NOT_CANCELLABLE_CATEGORY"));
    }

    @Test
    void confirmedAgainstPolicy_forShippedBeforeRequestAndWindowExpired() {
        List<OrderLine> shippedEarly = List.of(shipped(usdLine("O-1", 1, "100.00"), hoursBeforeCutoff(7)));
        assertThat(exceptions(CONFIRMED, shippedEarly)).extracting(FinanceException::detail)
                .containsExactly("confirmed despite SHIPPED_BEFORE_REQUEST");
        List<OrderLine> lateGrocery = List.of(placedAt(line("O-1", 1, "GROCERY", 1, "100.00", "0.00", "USD"),
                hoursBeforeCutoff(7)));
        assertThat(exceptions(CONFIRMED, lateGrocery)).extracting(FinanceException::detail)
                .containsExactly("confirmed despite WINDOW_EXPIRED");
    }

    @Test
    void confirmedAgainstPolicy_notForShippedAfterConfirmation() {
        List<OrderLine> shipped = List.of(shipped(usdLine("O-1", 1, "100.00"), hoursBeforeCutoff(1)));
        assertThat(exceptions(CONFIRMED, shipped, settled("T-1", "R-1", "100.00"))).isEmpty();
    }

    @Test
    void refundNotConfirmed_onARejectedRequestWithMoneySettled() {
        CancellationRequest rejected = rejected("R-1", "O-1", hoursBeforeCutoff(6), hoursBeforeCutoff(5));
        assertThat(exceptions(rejected, ORDER, settled("T-1", "R-1", "40.00"))).containsExactly(
                new FinanceException(ExceptionType.REFUND_NOT_CONFIRMED, "R-1", "O-1", null, money("USD", "40.00"),
                        "settled on a REJECTED request"));
    }

    @Test
    void refundNotConfirmed_onARequestStillAwaitingDecision() {
        CancellationRequest open = requested("R-1", "O-1", hoursBeforeCutoff(6));
        assertThat(exceptions(open, ORDER, settled("T-1", "R-1", "40.00"))).extracting(FinanceException::type)
                .containsExactly(ExceptionType.REFUND_NOT_CONFIRMED);
    }

    @Test
    void pendingMoneyOnAnUndecidedRequest_isNoException() {
        CancellationRequest open = requested("R-1", "O-1", hoursBeforeCutoff(6));
        assertThat(exceptions(open, ORDER, refund("T-1", "R-1", "40.00", RefundStatus.PENDING, hoursBeforeCutoff(1))))
                .isEmpty();
    }

    @Test
    void orphanRefund_whenItsRequestIsUnknown() {
        RefundAssignment a = RefundAssignment.of(settled("T-9", "R-404", "5.00"), false, 0, null, CURRENCIES);
        assertThat(a).isEqualTo(new RefundAssignment.Unassigned(settled("T-9", "R-404", "5.00"),
                new FinanceException(ExceptionType.ORPHAN_REFUND, "R-404", "O-1", "T-9", money("USD", "5.00"),
                        "request R-404 not found")));
    }

    @Test
    void orphanRefund_whenItNamesNoRequestAndItsOrderHasNone() {
        RefundAssignment a = RefundAssignment.of(settled("T-9", null, "5.00"), false, 0, null, CURRENCIES);
        assertThat(((RefundAssignment.Unassigned) a).exception().detail())
                .isEqualTo("order O-1 has no cancellation request");
    }

    @Test
    void ambiguousRefund_whenItNamesNoRequestAndItsOrderHasSeveral() {
        RefundAssignment a = RefundAssignment.of(settled("T-9", null, "5.00"), false, 2, null, CURRENCIES);
        FinanceException x = ((RefundAssignment.Unassigned) a).exception();
        assertThat(x.type()).isEqualTo(ExceptionType.AMBIGUOUS_REFUND);
        assertThat(x.requestId()).isNull();
        assertThat(x.amount().amount()).isEqualByComparingTo("5.00");
        assertThat(x.detail()).isEqualTo("order O-1 has 2 cancellation requests");
    }

    @Test
    void assigned_byItsRequestId_orToTheOrdersOnlyRequest() {
        assertThat(RefundAssignment.of(settled("T-1", "R-1", "5.00"), true, 3, null, CURRENCIES))
                .isEqualTo(new RefundAssignment.Assigned("R-1"));
        assertThat(RefundAssignment.of(settled("T-1", null, "5.00"), false, 1, "R-7", CURRENCIES))
                .isEqualTo(new RefundAssignment.Assigned("R-7"));
    }
}
