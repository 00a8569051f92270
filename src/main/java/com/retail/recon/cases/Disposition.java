package com.retail.recon.cases;

/** How a person resolved a case. */
public enum Disposition {
    /** The cause was fixed (a refund reissued, a decision made): the data should clear it. */
    FIXED,
    /** It stands as it is: written off, the customer agreed, not an issue. */
    ACCEPTED
}
