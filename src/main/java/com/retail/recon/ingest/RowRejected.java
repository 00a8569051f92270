package com.retail.recon.ingest;

/** Thrown while reading a row's fields: the row is rejected for {@code reason}, at {@code field}. */
final class RowRejected extends RuntimeException {

    private final RejectReason reason;
    private final String field;

    public RowRejected(RejectReason reason, String field, String message) {
        super(field.isEmpty() ? message : field + ": " + message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public RejectReason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
