package com.retail.recon.explain;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Money;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.domain.RequestStatus;
import com.retail.recon.explain.Explanation.Day;
import com.retail.recon.explain.Explanation.Discrepancy;
import com.retail.recon.explain.Explanation.Ledger;
import com.retail.recon.explain.Explanation.Line;
import com.retail.recon.explain.Explanation.Refund;
import com.retail.recon.explain.Explanation.RequestVersion;
import com.retail.recon.explain.Explanation.Sla;
import com.retail.recon.explain.Explanation.Step;
import com.retail.recon.reconcile.CancellationRules;
import com.retail.recon.reconcile.Escalations;
import com.retail.recon.reconcile.Evaluation;
import com.retail.recon.reconcile.Outcome;
import com.retail.recon.reconcile.OutcomeTable;
import com.retail.recon.reconcile.Policy;
import com.retail.recon.reconcile.PolicyCheck;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One date's verdict worked out step by step: every decision is the rules' own ({@link OutcomeTable},
 * {@link PolicyCheck#firstLineMeeting}, {@link Escalations}); this class only puts the figures they read into
 * words, and compares the result with the ledger. Plain Java, no store.
 */
final class Working {

    private final CancellationRules rules;
    private final Policy policy;

    Working(CancellationRules rules) {
        this.rules = rules;
        this.policy = rules.policy();
    }

    /**
     * @param versions  every version of the request that arrived on or before the date
     * @param today     the rules' evaluation of the request's version in force, as of the date
     */
    Day day(LocalDate date, List<CancellationRequest> versions, Evaluation today, Ledger ledger) {
        Instant cutoff = policy.cutoff(date);
        CancellationRequest request = today.request();
        OutcomeTable.Facts facts = rules.facts(request, today.lines(), today.refunds(), cutoff);
        String currency = today.currency();

        List<RequestVersion> requestVersions = new ArrayList<>();
        for (CancellationRequest version : versions) {
            requestVersions.add(new RequestVersion(version, version.equals(request)));
        }
        List<Line> lines = new ArrayList<>();
        for (OrderLine line : today.lines()) {
            lines.add(new Line(line, policy.policyCategory(line.category()), rules.lineRefund(line)));
        }
        List<Refund> refunds = new ArrayList<>();
        for (RefundTxn refund : today.refunds()) {
            refunds.add(new Refund(refund, rules.currencies().money(refund.currency(), refund.amount()),
                    countsIn(refund, currency),
                    currency != null && CancellationRules.isOtherCurrency(refund, currency)));
        }

        boolean flagged = today.isFlagged();
        Escalations.Priority priority = flagged ? Escalations.priority(today) : null;
        return new Day(date, cutoff, List.copyOf(requestVersions), request, currency, List.copyOf(lines),
                today.expectedRefund(), List.copyOf(refunds), today.settledAmount(), today.pendingAmount(),
                facts.orderFound() ? facts.failed() : 0, today.policyCheck(), policySteps(request, today),
                today.outcome(), outcomeRows(facts, today), sla(today.outcome(), facts), today.ageHours(), flagged,
                priority, flaggedBecause(today), flagged ? priorityBecause(today) : List.of(), ledger,
                discrepancies(ledger, today, priority));
    }

    // ---- E, S, P, F

    private static String countsIn(RefundTxn refund, String currency) {
        if (currency == null) {
            return "";
        }
        if (CancellationRules.countsInSettled(refund, currency)) {
            return "S";
        }
        if (CancellationRules.countsInPending(refund, currency)) {
            return "P";
        }
        return CancellationRules.countsInFailed(refund) ? "F" : "";
    }

    // ---- policy_check

    private List<Step> policySteps(CancellationRequest request, Evaluation today) {
        if (today.policyCheck() == null) {
            return List.of();
        }
        List<OrderLine> lines = today.lines();
        List<Step> steps = new ArrayList<>();
        for (PolicyCheck check : PolicyCheck.values()) {
            OrderLine meeting = PolicyCheck.firstLineMeeting(check, request, lines, policy);
            boolean applies = check == today.policyCheck();
            String because = switch (check) {
                case NOT_CANCELLABLE_CATEGORY -> meeting != null
                        ? "line " + meeting.lineNo() + ": category " + categoryOf(meeting) + " is not cancellable"
                        : "every line may be cancelled: " + eachLine(lines, this::categoryOf);
                case SHIPPED_BEFORE_REQUEST -> meeting != null
                        ? "line " + meeting.lineNo() + " shipped " + Figures.instant(meeting.shippedAt())
                        + ", at or before requested_at " + Figures.instant(request.requestedAt())
                        : "no line shipped at or before requested_at " + Figures.instant(request.requestedAt())
                        + ": " + eachLine(lines, Working::shipping);
                case WINDOW_EXPIRED -> meeting != null
                        ? "line " + meeting.lineNo() + ": " + window(meeting, request) + ", more than the window"
                        : "no line requested after its window: " + eachLine(lines, line -> window(line, request));
                case SHIPPED_AFTER_CONFIRMATION -> request.status() != RequestStatus.CONFIRMED
                        ? "the request is " + request.status() + ", not CONFIRMED"
                        : meeting != null
                        ? "line " + meeting.lineNo() + " shipped " + Figures.instant(meeting.shippedAt())
                        + ", after decided_at " + Figures.instant(request.decidedAt())
                        : "no line shipped after decided_at " + Figures.instant(request.decidedAt());
                case OK -> "none of checks 1 to 4 applies";
            };
            steps.add(new Step(check.ordinal() + 1, check.name(), applies, because));
            if (applies) {
                break;
            }
        }
        return List.copyOf(steps);
    }

    private String categoryOf(OrderLine line) {
        String followed = policy.policyCategory(line.category());
        return line.category() + (followed.equals(line.category()) ? "" : " (policy " + followed + ")");
    }

    private static String shipping(OrderLine line) {
        return line.shippedAt() == null ? "not shipped (" + line.fulfillmentStatus() + ")"
                : "shipped " + Figures.instant(line.shippedAt());
    }

    private String window(OrderLine line, CancellationRequest request) {
        Duration window = policy.category(line.category()).window();
        if (window == null) {
            return categoryOf(line) + " has no window (until shipped)";
        }
        return categoryOf(line) + " window " + Figures.sla(window) + ", requested "
                + Figures.age(Duration.between(line.placedAt(), request.requestedAt())) + " after placed_at "
                + Figures.instant(line.placedAt());
    }

    private static String eachLine(List<OrderLine> lines, java.util.function.Function<OrderLine, String> what) {
        return lines.stream().map(line -> "line " + line.lineNo() + " " + what.apply(line))
                .collect(Collectors.joining("; "));
    }

    // ---- the outcome table

    private List<Step> outcomeRows(OutcomeTable.Facts facts, Evaluation today) {
        List<Step> rows = new ArrayList<>();
        for (Outcome row : Outcome.values()) {
            boolean applies = OutcomeTable.applies(row, facts, policy);
            rows.add(new Step(row.ordinal() + 1, row.name(), applies, because(row, applies, facts, today)));
            if (applies) {
                break;
            }
        }
        if (!rows.get(rows.size() - 1).name().equals(today.outcome().name())) {
            throw new IllegalStateException("the outcome rows and the rules disagree on " + today.request().requestId());
        }
        return List.copyOf(rows);
    }

    private String because(Outcome row, boolean applies, OutcomeTable.Facts f, Evaluation today) {
        CancellationRequest request = f.request();
        if (row == Outcome.ORDER_NOT_FOUND) {
            String what = request.isWholeOrder() ? "order " + request.orderId()
                    : "line " + request.lineNo() + " of order " + request.orderId();
            return applies ? what + " is not in the data as of this date"
                    : what + " found (" + plural(today.lines().size(), "line") + ")";
        }
        RequestStatus status = request.status();
        switch (row) {
            case CURRENCY_MISMATCH:
                if (applies) {
                    return today.mismatchedRefunds().stream()
                            .map(t -> t.txnId() + " is in " + t.currency())
                            .collect(Collectors.joining(", ")) + ", the order in " + f.expected().currency();
                }
                return today.refunds().isEmpty() ? "no refunds" : "every refund is in " + f.expected().currency();
            case REJECTED:
                return applies ? "status REJECTED" : "status " + status + ", not REJECTED";
            case PENDING_DECISION:
            case STUCK_AWAITING_DECISION:
                return status != RequestStatus.REQUESTED ? "status " + status + ", not REQUESTED"
                        : ageAgainstSla(row, f);
            default:
                break;
        }
        if (status != RequestStatus.CONFIRMED) {
            return "status " + status + ", not CONFIRMED";
        }
        Money e = f.expected();
        Money s = f.settled();
        Money p = f.pending();
        String tolerance = policy.amountTolerance().toPlainString();
        return switch (row) {
            case OVER_REFUNDED -> "S " + s.toPlainString() + (applies ? " > " : " <= ") + "E + tolerance = "
                    + e.toPlainString() + " + " + tolerance + " = " + e.amount().add(policy.amountTolerance()).toPlainString();
            case REFUNDED -> "|S - E| = |" + s.toPlainString() + " - " + e.toPlainString() + "| = "
                    + s.minus(e).abs().toPlainString() + (applies ? " <= " : " > ") + "tolerance " + tolerance;
            case STUCK_REFUND_PENDING -> p.isPositive() ? ageAgainstSla(row, f) : "P = " + p.toPlainString();
            case REFUND_PENDING -> "P = " + p.toPlainString() + (p.isPositive() ? " > 0" : "");
            case UNDER_REFUNDED -> "S = " + s.toPlainString() + (s.isPositive() ? " > 0, short of E by "
                    + e.minus(s).toPlainString() : "");
            case REFUND_FAILED -> "F = " + f.failed() + (f.failed() > 0 ? " (" + failedTxns(today) + ")" : "");
            case AWAITING_REFUND, STUCK_NO_REFUND -> ageAgainstSla(row, f);
            default -> throw new IllegalArgumentException(row.name());
        };
    }

    private static String failedTxns(Evaluation today) {
        return today.refunds().stream().filter(CancellationRules::countsInFailed)
                .map(t -> t.txnId() + " " + t.status()).collect(Collectors.joining(", "));
    }

    /** {@code age since requested_at 2026-11-20T23:59:59Z: 1d 00:00:01 (86,401 s) > 24 h (86,400 s)}. */
    private String ageAgainstSla(Outcome row, OutcomeTable.Facts f) {
        OutcomeTable.AgeFrom from = OutcomeTable.ageFrom(row, f);
        OutcomeTable.Sla sla = OutcomeTable.sla(row, f, policy);
        boolean older = OutcomeTable.isOlder(from.instant(), sla.limit(), f.cutoff());
        return "age since " + since(from, f) + " " + Figures.instant(from.instant()) + ": "
                + Figures.age(Duration.between(from.instant(), f.cutoff())) + (older ? " > " : " <= ")
                + sla.name() + " " + Figures.sla(sla.limit());
    }

    private static String since(OutcomeTable.AgeFrom from, OutcomeTable.Facts f) {
        return from.field().equals("created_at") ? "created_at of the oldest PENDING refund "
                + f.oldestPending().txnId() + " (" + f.oldestPending().method() + ")" : from.field();
    }

    private Sla sla(Outcome outcome, OutcomeTable.Facts f) {
        OutcomeTable.AgeFrom from = OutcomeTable.ageFrom(outcome, f);
        OutcomeTable.Sla sla = OutcomeTable.sla(outcome, f, policy);
        Duration age = Duration.between(from.instant(), f.cutoff());
        String txn = from.field().equals("created_at") ? f.oldestPending().txnId() : null;
        return new Sla(sla == null ? null : sla.name(), sla == null ? null : sla.limit(), from.field(), txn,
                from.instant(), age, sla != null && OutcomeTable.isOlder(from.instant(), sla.limit(), f.cutoff()));
    }

    // ---- escalation

    private static List<String> flaggedBecause(Evaluation e) {
        List<String> reasons = new ArrayList<>();
        for (Escalations.FlagTrigger trigger : Escalations.flaggedBecause(e)) {
            reasons.add(switch (trigger) {
                case OUTCOME -> "outcome " + e.outcome() + " is escalated";
                case SHIPPED_AFTER_CONFIRMATION -> "policy_check SHIPPED_AFTER_CONFIRMATION is escalated";
                case CONFIRMED_WITHOUT_ORDER -> "ORDER_NOT_FOUND on a CONFIRMED request is escalated";
            });
        }
        return List.copyOf(reasons);
    }

    private static List<String> priorityBecause(Evaluation e) {
        List<String> reasons = new ArrayList<>();
        for (Escalations.HighTrigger trigger : Escalations.highBecause(e)) {
            reasons.add(switch (trigger) {
                case OUTCOME -> "outcome " + e.outcome() + " is HIGH";
                case SHIPPED_AFTER_CONFIRMATION -> "policy_check SHIPPED_AFTER_CONFIRMATION is HIGH";
                case STUCK_OVER_TWICE_THE_SLA -> "age " + Figures.age(e.age()) + " > 2 x " + Figures.sla(e.stuckSla())
                        + " = " + Figures.sla(e.stuckSla().multipliedBy(2));
            });
        }
        if (reasons.isEmpty()) {
            reasons.add(e.outcome().isStuck()
                    ? "age " + Figures.age(e.age()) + " <= 2 x " + Figures.sla(e.stuckSla()) + " = "
                    + Figures.sla(e.stuckSla().multipliedBy(2))
                    : "neither REFUND_FAILED, UNDER_REFUNDED, SHIPPED_AFTER_CONFIRMATION nor a STUCK_ outcome");
        }
        return List.copyOf(reasons);
    }

    // ---- the cross-check with the ledger

    private List<Discrepancy> discrepancies(Ledger ledger, Evaluation today, Escalations.Priority priority) {
        List<Discrepancy> found = new ArrayList<>();
        compare(found, "outcome", ledger.outcome(), today.outcome().name());
        compare(found, "policy_check", ledger.policyCheck(),
                today.policyCheck() == null ? "" : today.policyCheck().name());
        compare(found, "expected_refund", ledger.expectedRefund(), Figures.amount(today.expectedRefund()));
        compare(found, "settled_amount", ledger.settledAmount(), Figures.amount(today.settledAmount()));
        compare(found, "pending_amount", ledger.pendingAmount(), Figures.amount(today.pendingAmount()));
        compare(found, "currency", ledger.currency(), today.currency() == null ? "" : today.currency());
        compare(found, "age_hours", Long.toString(ledger.ageHours()), Long.toString(today.ageHours()));
        compare(found, "flagged", ledger.flagged() ? "Y" : "N", today.isFlagged() ? "Y" : "N");
        compare(found, "priority", ledger.priority(), priority == null ? "" : priority.name());
        compare(found, "refunds", String.join(", ", ledger.refunds()), String.join(", ", refundsAsLedgered(today)));
        return List.copyOf(found);
    }

    /** The refunds as {@link Ledger#refunds()} lists them: {@code TX-5301 SETTLED 140.39 USD}, by txn_id. */
    static String refundAsLedgered(String txnId, String status, String amount, String currency) {
        return txnId + " " + status + " " + amount + " " + currency;
    }

    private List<String> refundsAsLedgered(Evaluation today) {
        List<String> refunds = new ArrayList<>();
        for (RefundTxn t : today.refunds()) {
            refunds.add(refundAsLedgered(t.txnId(), t.status().name(),
                    rules.currencies().money(t.currency(), t.amount()).toPlainString(), t.currency()));
        }
        return refunds;
    }

    private static void compare(List<Discrepancy> found, String field, String ledger, String rederived) {
        if (!Objects.equals(ledger, rederived)) {
            found.add(new Discrepancy(field, ledger, rederived));
        }
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
