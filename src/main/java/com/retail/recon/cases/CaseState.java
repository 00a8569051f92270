package com.retail.recon.cases;

/** The spec's case states. */
public enum CaseState {
    /** Needs work. */
    OPEN,
    /** Someone has it. */
    IN_PROGRESS,
    /** A person fixed it; the data should clear it. */
    WAITING,
    /** It stands as it is: written off, customer agreed, not an issue. */
    ACCEPTED,
    /** The data no longer flags it. */
    CLOSED;

    /** Overdue is only counted while someone still has to act. */
    public boolean needsWork() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
