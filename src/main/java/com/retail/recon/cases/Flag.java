package com.retail.recon.cases;

import java.math.BigDecimal;

/**
 * A case key flagged on a date, with that date's facts (SPEC "Facts of a case on D"): for an escalation the
 * escalations row's outcome, priority and suggested action, and expected − settled of its request; for an
 * exception the exceptions row. Amount and currency are null where the ledger leaves them empty.
 */
public record Flag(CaseKey key, String type, String requestId, String orderId, String txnId, Priority priority,
                   BigDecimal amount, String currency, String detail) {
}
