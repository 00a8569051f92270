package com.retail.recon.cases;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A case as it stands: its key, the facts of the last date that flagged it, and its lifecycle. Immutable;
 * {@link CaseRules} makes the next version through a {@link Draft}.
 *
 * @param reopenedOn   the date of the last reopening (by the data: that date; by a person: the latest completed
 *                     date then), from which due_on counts; null when never reopened
 * @param waitingSince while WAITING: the latest completed date when the fix was reported
 * @param acceptedType while ACCEPTED: the type when it was accepted (a change opens it again); likewise
 *                     acceptedAmount
 * @param lastEventNo  the number of the case's newest event (events are numbered 1, 2, 3, … per case)
 */
public record Case(long caseId, CaseKey key, String type, String requestId, String orderId, String txnId,
                   Priority priority, BigDecimal amount, String currency, String detail,
                   CaseState state, String assignee, LocalDate openedOn, LocalDate lastFlaggedOn,
                   LocalDate closedOn, LocalDate reopenedOn, int reopenCount, LocalDate dueOn,
                   LocalDate waitingSince, String acceptedType, BigDecimal acceptedAmount, int lastEventNo) {

    public CaseKind kind() {
        return key.kind();
    }

    /** OPEN or IN_PROGRESS and past its due date, as of the latest completed date. */
    public boolean overdue(LocalDate latestCompleted) {
        return state.needsWork() && latestCompleted != null && latestCompleted.isAfter(dueOn);
    }

    Draft draft() {
        return new Draft(this);
    }

    /** The next version of a case, field by field; due_on is worked out when it is built. */
    static final class Draft {
        final long caseId;
        final CaseKey key;
        String type;
        String requestId;
        String orderId;
        String txnId;
        Priority priority;
        BigDecimal amount;
        String currency;
        String detail;
        CaseState state;
        String assignee;
        LocalDate openedOn;
        LocalDate lastFlaggedOn;
        LocalDate closedOn;
        LocalDate reopenedOn;
        int reopenCount;
        LocalDate waitingSince;
        String acceptedType;
        BigDecimal acceptedAmount;
        int lastEventNo;

        Draft(long caseId, CaseKey key) {
            this.caseId = caseId;
            this.key = key;
        }

        private Draft(Case c) {
            this(c.caseId, c.key);
            type = c.type;
            requestId = c.requestId;
            orderId = c.orderId;
            txnId = c.txnId;
            priority = c.priority;
            amount = c.amount;
            currency = c.currency;
            detail = c.detail;
            state = c.state;
            assignee = c.assignee;
            openedOn = c.openedOn;
            lastFlaggedOn = c.lastFlaggedOn;
            closedOn = c.closedOn;
            reopenedOn = c.reopenedOn;
            reopenCount = c.reopenCount;
            waitingSince = c.waitingSince;
            acceptedType = c.acceptedType;
            acceptedAmount = c.acceptedAmount;
            lastEventNo = c.lastEventNo;
        }

        void facts(Flag flag) {
            type = flag.type();
            requestId = flag.requestId();
            orderId = flag.orderId();
            txnId = flag.txnId();
            priority = flag.priority();
            amount = flag.amount();
            currency = flag.currency();
            detail = flag.detail();
        }

        /** Opened again (by the data or a person) on the given date: the resolution no longer holds. */
        void reopen(LocalDate on) {
            state = CaseState.OPEN;
            reopenCount++;
            reopenedOn = on;
            closedOn = null;
            waitingSince = null;
            acceptedType = null;
            acceptedAmount = null;
        }

        Case build(CasePolicy policy) {
            LocalDate dueOn = policy.dueOn(reopenedOn != null ? reopenedOn : openedOn, priority);
            return new Case(caseId, key, type, requestId, orderId, txnId, priority, amount, currency, detail, state,
                    assignee, openedOn, lastFlaggedOn, closedOn, reopenedOn, reopenCount, dueOn, waitingSince,
                    acceptedType, acceptedAmount, lastEventNo);
        }
    }
}
