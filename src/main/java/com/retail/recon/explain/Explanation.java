package com.retail.recon.explain;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Money;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.CancellationRules;
import com.retail.recon.reconcile.Escalations;
import com.retail.recon.reconcile.Outcome;
import com.retail.recon.reconcile.PolicyCheck;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request's verdict on every completed business date up to {@code upTo} on which it was reported, each
 * re-derived with the rules from the input versions in force that day and compared with what that day's ledger
 * says. Rendered by {@link ExplainText} and {@link ExplainJson}.
 *
 * @param upTo the last business date asked for (the latest completed date by default)
 * @param days oldest first; never empty
 */
public record Explanation(String requestId, LocalDate upTo, List<Day> days) {

    /** Whether the re-derived verdict of every date equals its ledger's. */
    public boolean matchesLedgers() {
        return days.stream().allMatch(day -> day.discrepancies().isEmpty());
    }

    /**
     * One business date's verdict with its working. Amounts are in the order's currency; for ORDER_NOT_FOUND the
     * currency, the amounts, the policy check and the policy steps are null or empty.
     *
     * @param requestVersions every version of the request that arrived on or before the date, oldest first
     * @param request         the version in force
     * @param lines           the request's order lines in force (the whole order or the one line)
     * @param refunds         the refunds assigned to the request that day, by txn_id
     * @param policySteps     the checks tried, up to the one that applied
     * @param outcomeRows     the outcome rows tried, up to the one that decided (the last)
     * @param priority        null when not flagged
     * @param flaggedBecause  why the request is flagged (empty: it is not), or why not
     * @param priorityBecause why the priority is what it is (empty when not flagged)
     * @param ledger          what the date's ledger says about the request
     * @param discrepancies   where the re-derived verdict differs from the ledger; empty when it agrees
     */
    public record Day(
            LocalDate businessDate,
            Instant cutoff,
            List<RequestVersion> requestVersions,
            CancellationRequest request,
            String currency,
            List<Line> lines,
            Money expectedRefund,
            List<Refund> refunds,
            Money settledAmount,
            Money pendingAmount,
            long failedCount,
            PolicyCheck policyCheck,
            List<Step> policySteps,
            Outcome outcome,
            List<Step> outcomeRows,
            Sla sla,
            long ageHours,
            boolean flagged,
            Escalations.Priority priority,
            List<String> flaggedBecause,
            List<String> priorityBecause,
            Ledger ledger,
            List<Discrepancy> discrepancies) {

        /** The outcome row that decided: the last one tried. */
        public Step decidingRow() {
            return outcomeRows.get(outcomeRows.size() - 1);
        }
    }

    /** A version of the request, as it arrived on {@code version.businessDate()}. */
    public record RequestVersion(CancellationRequest version, boolean inForce) {
    }

    /**
     * An order line in force, as it arrived on {@code line.businessDate()}, with its share of E.
     *
     * @param policyCategory the policy category its category follows (DEFAULT for categories the policy lacks)
     */
    public record Line(OrderLine line, String policyCategory, CancellationRules.LineRefund share) {
    }

    /**
     * A refund of the request, as it arrived on {@code refund.businessDate()}.
     *
     * @param amount        its amount at its currency's digits
     * @param countsIn      "S", "P" or "F": the sum or count it counts in; "" for none
     * @param otherCurrency in another currency than the order's (outcome row 2)
     */
    public record Refund(RefundTxn refund, Money amount, String countsIn, boolean otherCurrency) {
    }

    /** A policy check step or an outcome row: its number, its name, whether it applied, and why. */
    public record Step(int number, String name, boolean applies, String because) {
    }

    /**
     * The age of the outcome and the SLA the deciding row compared it with.
     *
     * @param name      the SLA's setting ({@code decision-sla-hours}, ...); null when the outcome compares none
     * @param limit     the SLA; null with the name
     * @param sinceField the field the age runs from ({@code requested_at}, {@code decided_at}, {@code created_at})
     * @param sinceTxn  the refund whose created_at it is, else null
     * @param age       cutoff − since, to the second
     * @param stuck     the age is over the SLA
     */
    public record Sla(String name, Duration limit, String sinceField, String sinceTxn, Instant since, Duration age,
                      boolean stuck) {
    }

    /**
     * The request's row in the date's ledgers as stored: {@code cancellations.csv}'s columns (amounts as text at
     * the currency's digits, "" where empty), the escalation's priority, and the refunds assigned to it.
     */
    public record Ledger(String outcome, String policyCheck, String expectedRefund, String settledAmount,
                         String pendingAmount, String currency, long ageHours, boolean flagged, String priority,
                         List<String> refunds) {
    }

    /** A field where the re-derived verdict and the ledger differ. */
    public record Discrepancy(String field, String ledger, String rederived) {
    }
}
