package com.retail.recon.ingest;

/** The result of reading one input record: accepted as a domain value, or rejected with a reason. */
public sealed interface IngestedRow {

    long lineNumber();

    /** @param value an OrderLine, CancellationRequest or RefundTxn */
    record Accepted(long lineNumber, Object value) implements IngestedRow {
    }

    record Rejected(long lineNumber, RejectReason reason, String field, String raw) implements IngestedRow {

        /** The raw text as the store can keep it: a NUL (U+0000) shows as U+FFFD. */
        static String storable(String raw) {
            return raw.replace('\u0000', '\uFFFD');
        }
    }
}
