package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.retail.recon.reconcile.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** policy_check: the first of the five that applies. */
class PolicyCheckTests {

    private static final Instant REQUESTED_AT = hoursBeforeCutoff(10);
    private static final Instant DECIDED_AT = hoursBeforeCutoff(9);
    private static final CancellationRequest REQUEST = confirmed("R-1", "O-1", REQUESTED_AT, DECIDED_AT);

    private static PolicyCheck check(CancellationRequest request, OrderLine... lines) {
        return PolicyCheck.of(request, List.of(lines), POLICY);
    }

    @Test
    void notCancellableCategory_comesFirst() {
        OrderLine digital = shipped(line("O-1", 1, "DIGITAL", 1, "9.99", "0", "USD"), hoursBeforeCutoff(11));
        assertThat(check(REQUEST, usdLine("O-1", 2, "1.00"), digital)).isEqualTo(PolicyCheck.NOT_CANCELLABLE_CATEGORY);
    }

    @Test
    void shippedBeforeRequest_includesShippedAtTheSameInstant() {
        assertThat(check(REQUEST, shipped(usdLine("O-1", 1, "1.00"), REQUESTED_AT)))
                .isEqualTo(PolicyCheck.SHIPPED_BEFORE_REQUEST);
    }

    @Test
    void windowExpired_oneSecondPastTheCategoryWindow() {
        OrderLine grocery = placedAt(line("O-1", 1, "GROCERY", 1, "3.00", "0", "USD"),
                REQUESTED_AT.minusSeconds(30 * 60 + 1));
        assertThat(check(REQUEST, grocery)).isEqualTo(PolicyCheck.WINDOW_EXPIRED);
    }

    @Test
    void windowExactlyReached_isStillInTime() {
        OrderLine grocery = placedAt(line("O-1", 1, "GROCERY", 1, "3.00", "0", "USD"),
                REQUESTED_AT.minusSeconds(30 * 60));
        assertThat(check(REQUEST, grocery)).isEqualTo(PolicyCheck.OK);
    }

    @Test
    void noWindowMeansUntilShipped() {
        OrderLine old = placedAt(usdLine("O-1", 1, "1.00"), REQUESTED_AT.minusSeconds(90L * 24 * 3600));
        assertThat(check(REQUEST, old)).isEqualTo(PolicyCheck.OK);
    }

    @Test
    void shippedAfterConfirmation_onAConfirmedRequest() {
        assertThat(check(REQUEST, shipped(usdLine("O-1", 1, "1.00"), DECIDED_AT.plusSeconds(1))))
                .isEqualTo(PolicyCheck.SHIPPED_AFTER_CONFIRMATION);
    }

    @Test
    void shippedBetweenRequestAndDecision_isOk() {
        assertThat(check(REQUEST, shipped(usdLine("O-1", 1, "1.00"), DECIDED_AT))).isEqualTo(PolicyCheck.OK);
    }

    @Test
    void shippedAfterTheRequest_onARequestNotConfirmed_isOk() {
        CancellationRequest open = requested("R-1", "O-1", REQUESTED_AT);
        assertThat(check(open, shipped(usdLine("O-1", 1, "1.00"), DECIDED_AT.plusSeconds(60))))
                .isEqualTo(PolicyCheck.OK);
    }

    @Test
    void ok_whenNothingApplies() {
        assertThat(check(REQUEST, usdLine("O-1", 1, "1.00"))).isEqualTo(PolicyCheck.OK);
    }

    @Test
    void orderNotFound_hasNoPolicyCheck() {
        assertThat(RULES.evaluate(REQUEST, List.of(), List.of(), CUTOFF).policyCheck()).isNull();
    }

    @Test
    void firstLineMeeting_namesTheLineThatDecided_andNoneForTheStepsThatDidNotApply() {
        OrderLine plain = usdLine("O-1", 1, "1.00");
        OrderLine shippedEarly = shipped(usdLine("O-1", 2, "2.00"), REQUESTED_AT.minusSeconds(1));
        List<OrderLine> lines = List.of(plain, shippedEarly);
        assertThat(PolicyCheck.firstLineMeeting(PolicyCheck.NOT_CANCELLABLE_CATEGORY, REQUEST, lines, POLICY)).isNull();
        assertThat(PolicyCheck.firstLineMeeting(PolicyCheck.SHIPPED_BEFORE_REQUEST, REQUEST, lines, POLICY))
                .isEqualTo(shippedEarly);
        assertThat(PolicyCheck.firstLineMeeting(PolicyCheck.OK, REQUEST, lines, POLICY)).isNull();
    }

    @Test
    void firstLineMeeting_shippedAfterConfirmation_onlyForAConfirmedRequest() {
        OrderLine shippedLate = shipped(usdLine("O-1", 1, "1.00"), DECIDED_AT.plusSeconds(1));
        CancellationRequest requested = requested("R-1", "O-1", REQUESTED_AT);
        assertThat(PolicyCheck.firstLineMeeting(PolicyCheck.SHIPPED_AFTER_CONFIRMATION, REQUEST, List.of(shippedLate),
                POLICY)).isEqualTo(shippedLate);
        assertThat(PolicyCheck.firstLineMeeting(PolicyCheck.SHIPPED_AFTER_CONFIRMATION, requested, List.of(shippedLate),
                POLICY)).isNull();
    }
}
