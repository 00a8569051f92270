package com.retail.recon.explain;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Money;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.explain.Explanation.Day;
import com.retail.recon.explain.Explanation.Step;
import com.retail.recon.reconcile.CancellationRules;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An {@link Explanation} as a worked example a person can check by hand: for each date, the versions in force,
 * E line by line, S, P and F from which transactions, each policy check and outcome row tried with why it did
 * or did not apply, the age against its SLA to the second, flagged and priority, and whether the ledger agrees.
 * Plain ASCII. {@link #write} can be called by another command after its own output.
 */
public final class ExplainText {

    private ExplainText() {
    }

    public static void write(Explanation explanation, PrintWriter out) {
        List<Day> days = explanation.days();
        out.println("Request " + explanation.requestId() + ": reported on " + days.size() + " completed business date"
                + (days.size() == 1 ? "" : "s") + " up to " + explanation.upTo());
        for (Day day : days) {
            out.println("  " + day.businessDate() + "  " + day.outcome()
                    + (day.discrepancies().isEmpty() ? "" : "   !! does not match its ledger"));
        }
        if (!explanation.matchesLedgers()) {
            out.println("!! The verdict re-derived from the store differs from the ledger on "
                    + days.stream().filter(d -> !d.discrepancies().isEmpty()).map(d -> d.businessDate().toString())
                    .collect(Collectors.joining(", ")) + " (details below).");
        }
        for (Day day : days) {
            out.println();
            day(day, out);
        }
        out.flush();
    }

    private static void day(Day day, PrintWriter out) {
        CancellationRequest request = day.request();
        out.println("== " + day.businessDate() + ": " + day.outcome()
                + (day.policyCheck() == null ? "" : ", policy_check " + day.policyCheck())
                + (day.flagged() ? ", flagged " + day.priority() : "") + " ==");
        if (!day.discrepancies().isEmpty()) {
            out.println("!! DOES NOT MATCH THE LEDGER OF " + day.businessDate() + ": see the end of this date.");
        }
        out.println("Ages are measured at the cutoff of " + day.businessDate() + ": " + Figures.instant(day.cutoff())
                + ".");

        out.println();
        out.println("Request versions (the latest that arrived on or before " + day.businessDate() + " is in force, *):");
        for (Explanation.RequestVersion version : day.requestVersions()) {
            out.println("  " + (version.inForce() ? "* " : "  ") + "arrived " + version.version().businessDate() + "  "
                    + describe(version.version()));
        }
        out.println("  " + (request.isWholeOrder() ? "Whole order " + request.orderId()
                : "Line " + request.lineNo() + " of order " + request.orderId()) + ", customer "
                + request.customerId() + ", channel " + request.channel() + ".");

        out.println();
        if (day.expectedRefund() == null) {
            out.println("Order lines: none (" + day.outcomeRows().get(0).because()
                    + "), so E, S, P and the policy check are empty.");
        } else {
            expected(day, out);
        }

        out.println();
        refunds(day, out);

        if (!day.policySteps().isEmpty()) {
            out.println();
            out.println("Policy check: " + day.policyCheck() + " (the first check that applies)");
            for (Step step : day.policySteps()) {
                out.println(String.format("  %d %-27s %-3s %s", step.number(), step.name(), step.applies() ? "yes" : "no",
                        step.because()));
            }
        }

        out.println();
        Step deciding = day.decidingRow();
        out.println("Outcome: row " + deciding.number() + " " + deciding.name() + " (the first row that applies)");
        for (Step row : day.outcomeRows()) {
            out.println(String.format("  %2d %-24s %-3s %s", row.number(), row.name(), row.applies() ? "yes" : "no",
                    row.because()));
        }

        out.println();
        Explanation.Sla sla = day.sla();
        String since = "since " + sla.sinceField() + (sla.sinceTxn() == null ? "" : " of " + sla.sinceTxn()) + " "
                + Figures.instant(sla.since());
        out.println("Age " + since + ": " + Figures.age(sla.age()) + " at the cutoff; age_hours " + day.ageHours()
                + ".");
        if (sla.name() == null) {
            out.println("SLA: none (" + day.outcome() + " compares no SLA).");
        } else {
            out.println("SLA " + sla.name() + ": age " + Figures.age(sla.age()) + (sla.stuck() ? " > " : " <= ")
                    + Figures.sla(sla.limit()) + (sla.stuck() ? ": stuck." : ": not stuck."));
        }
        if (day.flagged()) {
            out.println("Flagged: Y, because " + String.join("; ", day.flaggedBecause()) + ".");
            out.println("Priority: " + day.priority() + ", because " + String.join("; ", day.priorityBecause()) + ".");
        } else {
            out.println("Flagged: N (outcome " + day.outcome() + (day.policyCheck() == null ? ""
                    : ", policy_check " + day.policyCheck()) + ": no escalation rule applies).");
        }

        out.println();
        if (day.discrepancies().isEmpty()) {
            out.println("Ledger of " + day.businessDate() + ": agrees (outcome, policy_check, expected_refund, "
                    + "settled_amount, pending_amount, currency, age_hours, flagged, priority, refunds).");
        } else {
            out.println("!! DOES NOT MATCH THE LEDGER OF " + day.businessDate() + " (re-derived with today's rules and "
                    + "policy; the ledger was written when the date ran):");
            for (Explanation.Discrepancy d : day.discrepancies()) {
                out.println("!!   " + d.field() + ": ledger '" + d.ledger() + "', re-derived '" + d.rederived() + "'");
            }
        }
    }

    private static String describe(CancellationRequest version) {
        StringBuilder text = new StringBuilder(version.status().name()).append("  requested ")
                .append(Figures.instant(version.requestedAt()));
        if (version.decidedAt() != null) {
            text.append(", decided ").append(Figures.instant(version.decidedAt()));
        }
        if (version.confirmationNumber() != null) {
            text.append(", confirmation ").append(version.confirmationNumber());
        }
        return text.toString();
    }

    private static void expected(Day day, PrintWriter out) {
        out.println("Expected refund E = quantity x unit_price - fee + tax, line by line (" + day.currency() + "):");
        List<String> refunds = new ArrayList<>();
        for (Explanation.Line line : day.lines()) {
            OrderLine l = line.line();
            CancellationRules.LineRefund share = line.share();
            out.println("  line " + l.lineNo() + "  " + l.sku() + ", " + l.category()
                    + (line.policyCategory().equals(l.category()) ? "" : " (policy " + line.policyCategory() + ")")
                    + ", " + l.fulfillmentStatus() + (l.shippedAt() == null ? "" : " " + Figures.instant(l.shippedAt()))
                    + ", arrived " + l.businessDate());
            String percent = share.feePercent().stripTrailingZeros().toPlainString();
            out.println("          " + l.quantity() + " x " + share.unitPrice().toPlainString() + " = "
                    + share.price().toPlainString() + " - fee " + share.fee().toPlainString()
                    + (share.feePercent().signum() == 0 ? "" : " (" + percent + "% of " + share.price().toPlainString()
                    + ", rounded half-up)") + " + tax " + share.tax().toPlainString() + " = "
                    + share.refund().toPlainString());
            refunds.add(share.refund().toPlainString());
        }
        out.println("  E = " + (refunds.size() > 1 ? String.join(" + ", refunds) + " = " : "")
                + day.expectedRefund().toPlainString());
    }

    private static void refunds(Day day, PrintWriter out) {
        String requestId = day.request().requestId();
        if (day.refunds().isEmpty()) {
            out.println("Refunds of " + requestId + ": none (no transaction names it"
                    + ", and no transaction without a request_id is on an order whose only request it is).");
        } else {
            out.println("Refunds of " + requestId + " (S: SETTLED, P: PENDING, both in the order's currency; "
                    + "F: FAILED or REVERSED):");
            for (Explanation.Refund refund : day.refunds()) {
                RefundTxn t = refund.refund();
                String counts = refund.otherCurrency() ? "other currency, not in S or P" + (refund.countsIn().isEmpty()
                        ? "" : "; " + refund.countsIn()) : refund.countsIn().isEmpty() ? "-" : refund.countsIn();
                out.println("  " + t.txnId() + "  " + t.method() + " " + t.status() + " " + refund.amount() + ", created "
                        + Figures.instant(t.createdAt())
                        + (t.settledAt() == null ? "" : ", settled " + Figures.instant(t.settledAt()))
                        + (t.requestId() == null ? ", no request_id (the order's only request)" : "")
                        + ", arrived " + t.businessDate() + "  -> " + counts);
            }
        }
        if (day.expectedRefund() == null) {
            return;
        }
        out.println("  S = " + sum(day, "S", day.settledAmount()));
        out.println("  P = " + sum(day, "P", day.pendingAmount()));
        List<String> failed = day.refunds().stream().filter(r -> r.countsIn().equals("F"))
                .map(r -> r.refund().txnId() + " " + r.refund().status()).toList();
        out.println("  F = " + day.failedCount() + (failed.isEmpty() ? "" : " (" + String.join(", ", failed) + ")"));
    }

    /** {@code TX-1 50.00 + TX-2 4.40 = 54.40}, or {@code 0.00 (none)}. */
    private static String sum(Day day, String sum, Money total) {
        List<String> terms = day.refunds().stream().filter(r -> r.countsIn().equals(sum))
                .map(r -> r.refund().txnId() + " " + r.amount().toPlainString()).toList();
        return terms.isEmpty() ? total.toPlainString() + " (none)" : String.join(" + ", terms) + " = "
                + total.toPlainString();
    }
}
