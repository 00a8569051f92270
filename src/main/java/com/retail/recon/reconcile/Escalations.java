package com.retail.recon.reconcile;

import com.retail.recon.domain.Money;
import com.retail.recon.domain.RequestStatus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The spec's "Flagged for customer service": which requests, at what priority, and what to do. */
public final class Escalations {

    public enum Priority { HIGH, NORMAL }

    private static final Set<Outcome> FLAGGED_OUTCOMES = EnumSet.of(
            Outcome.STUCK_AWAITING_DECISION, Outcome.STUCK_NO_REFUND, Outcome.STUCK_REFUND_PENDING,
            Outcome.REFUND_FAILED, Outcome.UNDER_REFUNDED);

    private Escalations() {
    }

    /** Why a request is flagged: the spec's three conditions. */
    public enum FlagTrigger {
        /** the outcome is STUCK_AWAITING_DECISION, STUCK_NO_REFUND, STUCK_REFUND_PENDING, REFUND_FAILED or UNDER_REFUNDED */
        OUTCOME,
        /** policy_check SHIPPED_AFTER_CONFIRMATION */
        SHIPPED_AFTER_CONFIRMATION,
        /** ORDER_NOT_FOUND on a CONFIRMED request */
        CONFIRMED_WITHOUT_ORDER
    }

    /** Why a flagged request is HIGH. */
    public enum HighTrigger {
        /** the outcome is REFUND_FAILED or UNDER_REFUNDED */
        OUTCOME,
        /** policy_check SHIPPED_AFTER_CONFIRMATION */
        SHIPPED_AFTER_CONFIRMATION,
        /** a STUCK_ outcome whose age is over twice the SLA its rule used */
        STUCK_OVER_TWICE_THE_SLA
    }

    public static boolean isFlagged(Evaluation e) {
        return !flaggedBecause(e).isEmpty();
    }

    /** The conditions that flag the request, in the spec's order; empty when it is not flagged. */
    public static Set<FlagTrigger> flaggedBecause(Evaluation e) {
        Set<FlagTrigger> triggers = EnumSet.noneOf(FlagTrigger.class);
        if (FLAGGED_OUTCOMES.contains(e.outcome())) {
            triggers.add(FlagTrigger.OUTCOME);
        }
        if (e.policyCheck() == PolicyCheck.SHIPPED_AFTER_CONFIRMATION) {
            triggers.add(FlagTrigger.SHIPPED_AFTER_CONFIRMATION);
        }
        if (isConfirmedWithoutOrder(e)) {
            triggers.add(FlagTrigger.CONFIRMED_WITHOUT_ORDER);
        }
        return triggers;
    }

    /**
     * HIGH for REFUND_FAILED, UNDER_REFUNDED, SHIPPED_AFTER_CONFIRMATION, or a STUCK_ outcome whose age is
     * over twice the SLA its rule used; else NORMAL.
     */
    public static Priority priority(Evaluation e) {
        return highBecause(e).isEmpty() ? Priority.NORMAL : Priority.HIGH;
    }

    /** The conditions that make the priority HIGH; empty for NORMAL. */
    public static Set<HighTrigger> highBecause(Evaluation e) {
        Set<HighTrigger> triggers = EnumSet.noneOf(HighTrigger.class);
        if (e.outcome() == Outcome.REFUND_FAILED || e.outcome() == Outcome.UNDER_REFUNDED) {
            triggers.add(HighTrigger.OUTCOME);
        }
        if (e.policyCheck() == PolicyCheck.SHIPPED_AFTER_CONFIRMATION) {
            triggers.add(HighTrigger.SHIPPED_AFTER_CONFIRMATION);
        }
        if (e.outcome().isStuck() && e.age().compareTo(e.stuckSla().multipliedBy(2)) > 0) {
            triggers.add(HighTrigger.STUCK_OVER_TWICE_THE_SLA);
        }
        return triggers;
    }

    /** One text per trigger, in a fixed order (see docs/conventions.md). */
    public static String suggestedAction(Evaluation e) {
        List<String> actions = new ArrayList<>();
        if (isConfirmedWithoutOrder(e)) {
            actions.add("Find the order: the customer was told it is cancelled but no order line matches");
        }
        switch (e.outcome()) {
            case STUCK_AWAITING_DECISION -> actions.add("Decide the request: no decision within the SLA");
            case STUCK_NO_REFUND -> actions.add("Start the refund: confirmed with no refund activity");
            case STUCK_REFUND_PENDING -> actions.add("Chase the pending refund with the payment provider");
            case REFUND_FAILED -> actions.add("Reissue the refund: it failed or was reversed");
            case UNDER_REFUNDED -> {
                Money shortfall = e.expectedRefund().minus(e.settledAmount());
                actions.add("Refund the shortfall of " + shortfall.toPlainString() + " " + shortfall.currency());
            }
            default -> { }
        }
        if (e.policyCheck() == PolicyCheck.SHIPPED_AFTER_CONFIRMATION) {
            actions.add("Stop the shipment or arrange a return: shipped after the cancellation was confirmed");
        }
        return String.join("; ", actions);
    }

    private static boolean isConfirmedWithoutOrder(Evaluation e) {
        return e.outcome() == Outcome.ORDER_NOT_FOUND && e.status() == RequestStatus.CONFIRMED;
    }
}
