package com.retail.recon.reconcile;

import com.retail.recon.domain.Currencies;

import java.util.List;

/**
 * A request that business date D reports, with its state on D and on D−1 (null when it did not exist yet).
 */
public record ReportedRequest(Evaluation today, Evaluation yesterday) {

    public boolean isFlagged() {
        return today.isFlagged();
    }

    /** Y when the request was not flagged at all on D−1. */
    public boolean isNewlyFlagged() {
        return today.isFlagged() && (yesterday == null || !yesterday.isFlagged());
    }

    /** REFUNDED on D and not on D−1: the request gets a receipt in D's bundle. */
    public boolean becameRefunded() {
        return today.outcome() == Outcome.REFUNDED
                && (yesterday == null || yesterday.outcome() != Outcome.REFUNDED);
    }

    public Escalations.Priority priority() {
        return Escalations.priority(today);
    }

    public String suggestedAction() {
        return Escalations.suggestedAction(today);
    }

    /** @param currencies for the amounts of refunds in another currency than the order's */
    public List<FinanceException> exceptions(Currencies currencies) {
        return FinanceExceptions.of(today, currencies);
    }
}
