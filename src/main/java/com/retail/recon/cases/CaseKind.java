package com.retail.recon.cases;

/** Who works a case: customer service (a flagged request) or finance (an exception). */
public enum CaseKind {
    ESCALATION, EXCEPTION
}
