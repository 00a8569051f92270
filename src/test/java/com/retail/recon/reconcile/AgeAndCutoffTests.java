package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static com.retail.recon.reconcile.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Ages are measured at the cutoff of D (start of D+1 in the policy's zone); age_hours rounds down. */
class AgeAndCutoffTests {

    private static final List<OrderLine> ORDER = List.of(usdLine("O-1", 1, "100.00"));

    @Test
    void cutoffIsTheStartOfTheNextDayInTheZone() {
        assertThat(POLICY.cutoff(LocalDate.of(2026, 11, 20))).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        Policy newYork = new Policy(ZoneId.of("America/New_York"), POLICY.decisionSla(), POLICY.refundStartSla(),
                POLICY.settlementSla(), POLICY.amountTolerance(), POLICY.categories());
        assertThat(newYork.cutoff(LocalDate.of(2026, 11, 20))).isEqualTo(Instant.parse("2026-11-21T05:00:00Z"));
    }

    @Test
    void zoneCutoff_decidesWhetherARequestIsStuck() {
        CancellationRequest request = requested("R-1", "O-1", Instant.parse("2026-11-20T02:00:00Z"));
        Policy newYork = new Policy(ZoneId.of("America/New_York"), POLICY.decisionSla(), POLICY.refundStartSla(),
                POLICY.settlementSla(), POLICY.amountTolerance(), POLICY.categories());
        CancellationRules rules = new CancellationRules(newYork, CURRENCIES);
        // UTC cutoff 2026-11-21T00:00Z: 22 h old; New York cutoff 05:00Z: 27 h old
        assertThat(RULES.evaluate(request, ORDER, List.of(), POLICY.cutoff(D)).outcome())
                .isEqualTo(Outcome.PENDING_DECISION);
        assertThat(rules.evaluate(request, ORDER, List.of(), newYork.cutoff(D)).outcome())
                .isEqualTo(Outcome.STUCK_AWAITING_DECISION);
    }

    @Test
    void ageHoursRoundsDown() {
        CancellationRequest request = requested("R-1", "O-1", secondsBeforeCutoff(5 * 3600 - 1));
        assertThat(RULES.evaluate(request, ORDER, List.of(), CUTOFF).ageHours()).isEqualTo(4);
    }

    @Test
    void pendingOutcomesAgeFromTheOldestPendingRefund() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(30), hoursBeforeCutoff(29));
        Evaluation e = RULES.evaluate(request, ORDER, List.of(pending("T-1", "R-1", "100.00", hoursBeforeCutoff(7))),
                CUTOFF);
        assertThat(e.outcome()).isEqualTo(Outcome.REFUND_PENDING);
        assertThat(e.ageHours()).isEqualTo(7);
    }

    @Test
    void decidedOutcomesAgeFromTheDecision() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(30), hoursBeforeCutoff(29));
        assertThat(RULES.evaluate(request, ORDER, List.of(), CUTOFF).ageHours()).isEqualTo(29);
    }

    @Test
    void orderNotFoundAgesFromTheRequest() {
        CancellationRequest request = confirmed("R-1", "O-1", hoursBeforeCutoff(30), hoursBeforeCutoff(29));
        assertThat(RULES.evaluate(request, List.of(), List.of(), CUTOFF).ageHours()).isEqualTo(30);
    }
}
