package com.retail.recon.desk.cases;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Money;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.explain.Explanation;
import com.retail.recon.explain.Figures;
import com.retail.recon.reconcile.CancellationRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One date of a request's explain as the desk's pages show it: the figures of {@code ExplainText}'s worked
 * example, each already written as text (the template only places them, and writes every one with th:text).
 */
public record WorkedExample(
        LocalDate date,
        String cutoff,
        String outcome,
        String policyCheck,
        boolean flagged,
        String priority,
        boolean matchesLedger,
        List<Version> versions,
        String scope,
        String customer,
        String channel,
        String reason,
        String currency,
        String noLines,
        List<Line> lines,
        String expected,
        List<Refund> refunds,
        String settled,
        String pending,
        String failed,
        List<Explanation.Step> policySteps,
        List<Explanation.Step> outcomeRows,
        int decidingRow,
        String age,
        String sla,
        boolean stuck,
        List<String> flaggedBecause,
        List<String> priorityBecause,
        String notFlaggedBecause,
        List<Explanation.Discrepancy> discrepancies) {

    public record Version(String arrived, boolean inForce, String status, String requestedAt, String decidedAt,
                   String confirmation) {
    }

    /** {@code quantity x unitPrice = price - fee + tax = refund}. */
    public record Line(int lineNo, String sku, String category, String fulfillment, String arrived, int quantity,
                String unitPrice, String price, String fee, String feeRule, String tax, String refund) {
    }

    /** @param countsIn S, P, F, "other currency" or "–" */
    public record Refund(String txnId, String method, String status, String amount, String created, String settled,
                  String arrived, String countsIn, boolean noRequestId) {
    }

    static WorkedExample of(Explanation.Day day) {
        CancellationRequest request = day.request();
        List<Version> versions = new ArrayList<>();
        for (Explanation.RequestVersion v : day.requestVersions()) {
            CancellationRequest r = v.version();
            versions.add(new Version(r.businessDate().toString(), v.inForce(), r.status().name(),
                    Figures.instant(r.requestedAt()), Figures.instant(r.decidedAt()),
                    r.confirmationNumber() == null ? "" : r.confirmationNumber()));
        }
        String scope = request.isWholeOrder() ? "the whole order " + request.orderId()
                : "line " + request.lineNo() + " of order " + request.orderId();

        List<Line> lines = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (Explanation.Line line : day.lines()) {
            OrderLine l = line.line();
            CancellationRules.LineRefund share = line.share();
            String category = l.category() + (line.policyCategory().equals(l.category()) ? ""
                    : " (policy " + line.policyCategory() + ")");
            String feeRule = share.feePercent().signum() == 0 ? "" : share.feePercent().stripTrailingZeros()
                    .toPlainString() + "% of " + share.price().toPlainString() + ", rounded half-up";
            lines.add(new Line(l.lineNo(), l.sku(), category, l.fulfillmentStatus()
                    + (l.shippedAt() == null ? "" : " " + Figures.instant(l.shippedAt())), l.businessDate().toString(),
                    l.quantity(), share.unitPrice().toPlainString(), share.price().toPlainString(),
                    share.fee().toPlainString(), feeRule, share.tax().toPlainString(), share.refund().toPlainString()));
            terms.add(share.refund().toPlainString());
        }
        String expected = day.expectedRefund() == null ? "" : (terms.size() > 1 ? String.join(" + ", terms) + " = " : "")
                + day.expectedRefund().toPlainString();

        List<Refund> refunds = new ArrayList<>();
        for (Explanation.Refund refund : day.refunds()) {
            RefundTxn t = refund.refund();
            String counts = refund.otherCurrency() ? "other currency" + (refund.countsIn().isEmpty() ? ""
                    : ", " + refund.countsIn()) : refund.countsIn().isEmpty() ? "–" : refund.countsIn();
            refunds.add(new Refund(t.txnId(), t.method().name(), t.status().name(),
                    refund.amount().toPlainString() + " " + t.currency(), Figures.instant(t.createdAt()),
                    Figures.instant(t.settledAt()), t.businessDate().toString(), counts, t.requestId() == null));
        }
        List<String> failed = day.refunds().stream().filter(r -> r.countsIn().equals("F"))
                .map(r -> r.refund().txnId() + " " + r.refund().status()).toList();

        Explanation.Sla sla = day.sla();
        String since = sla.sinceField() + (sla.sinceTxn() == null ? "" : " of " + sla.sinceTxn()) + " "
                + Figures.instant(sla.since());
        String age = "Age since " + since + ": " + Figures.age(sla.age()) + " at the cutoff; age_hours "
                + day.ageHours() + ".";
        String slaText = sla.name() == null ? "No SLA: " + day.outcome() + " compares none."
                : "SLA " + sla.name() + ": age " + Figures.age(sla.age()) + (sla.stuck() ? " > " : " <= ")
                + Figures.sla(sla.limit()) + (sla.stuck() ? ": stuck." : ": not stuck.");
        String notFlagged = day.flagged() ? "" : "Outcome " + day.outcome() + (day.policyCheck() == null ? ""
                : ", policy_check " + day.policyCheck()) + ": no escalation rule applies.";

        return new WorkedExample(day.businessDate(), Figures.instant(day.cutoff()), day.outcome().name(),
                day.policyCheck() == null ? "" : day.policyCheck().name(), day.flagged(),
                day.priority() == null ? "" : day.priority().name(), day.discrepancies().isEmpty(), versions, scope,
                request.customerId(), request.channel().name(), request.reason() == null ? "" : request.reason(),
                day.currency() == null ? "" : day.currency(),
                day.expectedRefund() == null ? day.outcomeRows().get(0).because() : null, lines, expected, refunds,
                sum(day, "S", day.settledAmount()), sum(day, "P", day.pendingAmount()),
                day.failedCount() + (failed.isEmpty() ? "" : " (" + String.join(", ", failed) + ")"),
                day.policySteps(), day.outcomeRows(), day.decidingRow().number(), age, slaText,
                sla.stuck(), day.flaggedBecause(), day.priorityBecause(), notFlagged, day.discrepancies());
    }

    /** The total of a worked sum ({@code TX-1 50.00 + TX-2 4.40 = 54.40} gives 54.40, {@code 0.00 (none)} 0.00). */
    public String lastOf(String worked) {
        String total = worked.substring(worked.lastIndexOf("= ") < 0 ? 0 : worked.lastIndexOf("= ") + 2);
        return total.endsWith(" (none)") ? total.substring(0, total.length() - " (none)".length()) : total;
    }

    /** The deciding outcome row. */
    public Explanation.Step deciding() {
        return outcomeRows.get(outcomeRows.size() - 1);
    }

    /** The policy check that applied: the last step tried; null for ORDER_NOT_FOUND. */
    public Explanation.Step appliedCheck() {
        return policySteps.isEmpty() ? null : policySteps.get(policySteps.size() - 1);
    }

    /** {@code TX-1 50.00 + TX-2 4.40 = 54.40}, or {@code 0.00 (none)}; "" when the amounts are empty. */
    private static String sum(Explanation.Day day, String sum, Money total) {
        if (total == null) {
            return "";
        }
        List<String> terms = day.refunds().stream().filter(r -> r.countsIn().equals(sum))
                .map(r -> r.refund().txnId() + " " + r.amount().toPlainString()).toList();
        return terms.isEmpty() ? total.toPlainString() + " (none)" : String.join(" + ", terms) + " = "
                + total.toPlainString();
    }
}
