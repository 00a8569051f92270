package com.retail.recon.cases;

import java.util.Objects;

/**
 * What makes a case the same case from one date to the next (SPEC "Identity"). An escalation is its request;
 * an exception is its type plus the request and/or the transaction the type is about. Parts that do not apply
 * are the empty string, never null, so that keys compare and store alike.
 */
public record CaseKey(CaseKind kind, String type, String requestId, String txnId) {

    public CaseKey {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(type);
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(txnId);
    }

    public static CaseKey escalation(String requestId) {
        return new CaseKey(CaseKind.ESCALATION, "", requestId, "");
    }

    /** The key of an exceptions-ledger row: which of request_id and txn_id count depends on the type. */
    public static CaseKey exception(String exceptionType, String requestId, String txnId) {
        switch (exceptionType) {
            case "CURRENCY_MISMATCH":
                return new CaseKey(CaseKind.EXCEPTION, exceptionType, requestId, txnId);
            case "ORPHAN_REFUND":
            case "AMBIGUOUS_REFUND":
                return new CaseKey(CaseKind.EXCEPTION, exceptionType, "", txnId);
            default:
                return new CaseKey(CaseKind.EXCEPTION, exceptionType, requestId, "");
        }
    }
}
