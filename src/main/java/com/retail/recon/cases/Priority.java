package com.retail.recon.cases;

/** A case's priority: an escalation's own, NORMAL for every exception. */
public enum Priority {
    HIGH, NORMAL
}
