package com.retail.recon.ingest;

/** The result of reading one input record: accepted as a domain value, or rejected with a reason. */
public sealed interface IngestedRow {

    long lineNumber();

    /** @param value an OrderLine, CancellationRequest or RefundTxn */
    record Accepted(long lineNumber, Object value) implements IngestedRow {
    }

    record Rejected(long lineNumber, RejectReason reason, String field, String raw) implements IngestedRow {
    }
}
