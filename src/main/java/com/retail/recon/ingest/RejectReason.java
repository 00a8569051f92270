package com.retail.recon.ingest;

/** Why an input row was rejected (the {@code reason} column of rejects.csv); see docs/conventions.md. */
public enum RejectReason {
    TOO_FEW_FIELDS,
    TOO_MANY_FIELDS,
    BAD_TEXT,
    MISSING_VALUE,
    BAD_NUMBER,
    BAD_INSTANT,
    UNKNOWN_VALUE,
    UNKNOWN_CURRENCY,
    OUT_OF_RANGE,
    TOO_MANY_DECIMALS,
    MISSING_WHEN_REQUIRED,
    DUPLICATE_KEY,
    MIXED_ORDER
}
