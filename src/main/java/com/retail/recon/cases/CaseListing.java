package com.retail.recon.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's listing and event columns, as CSV fields and as JSON objects: the command line, the audit export
 * and the desk's API all write cases through here, so they cannot disagree.
 */
public final class CaseListing {

    public static final List<String> CASE_COLUMNS = List.of("case_id", "kind", "type", "request_id", "order_id",
            "txn_id", "priority", "state", "assignee", "opened_on", "last_flagged_on", "closed_on", "due_on",
            "overdue", "reopen_count", "amount", "currency", "detail");

    public static final List<String> EVENT_COLUMNS = List.of("case_id", "event_no", "at", "actor", "action",
            "business_date", "from_state", "to_state", "assignee", "disposition", "note");

    private CaseListing() {
    }

    /** One listing row; empty for none. */
    public static String[] row(Case c, LocalDate latestCompleted) {
        return new String[]{Long.toString(c.caseId()), c.kind().name(), c.type(), c.requestId(), c.orderId(),
                c.txnId(), c.priority().name(), c.state().name(), text(c.assignee()), text(c.openedOn()),
                text(c.lastFlaggedOn()), text(c.closedOn()), text(c.dueOn()), c.overdue(latestCompleted) ? "Y" : "N",
                Integer.toString(c.reopenCount()), text(c.amount()), text(c.currency()), c.detail()};
    }

    /** The same fields as JSON: case_id and reopen_count numbers, overdue a boolean, the amount a string. */
    public static Map<String, Object> json(Case c, LocalDate latestCompleted) {
        Map<String, Object> json = new LinkedHashMap<>();
        String[] row = row(c, latestCompleted);
        for (int i = 0; i < row.length; i++) {
            json.put(CASE_COLUMNS.get(i), row[i]);
        }
        json.put("case_id", c.caseId());
        json.put("overdue", c.overdue(latestCompleted));
        json.put("reopen_count", c.reopenCount());
        return json;
    }

    public static String[] eventRow(CaseEvent e) {
        return new String[]{Long.toString(e.caseId()), Integer.toString(e.eventNo()), instant(e.at()), e.actor(),
                e.action(), text(e.businessDate()), e.fromState() == null ? "" : e.fromState().name(),
                e.toState().name(), text(e.assignee()), e.disposition() == null ? "" : e.disposition().name(),
                text(e.note())};
    }

    public static Map<String, Object> eventJson(CaseEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        String[] row = eventRow(e);
        for (int i = 0; i < row.length; i++) {
            json.put(EVENT_COLUMNS.get(i), row[i]);
        }
        json.put("case_id", e.caseId());
        json.put("event_no", e.eventNo());
        return json;
    }

    /** Instants as the ledgers write them: UTC, to the second. */
    public static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
    }
}
