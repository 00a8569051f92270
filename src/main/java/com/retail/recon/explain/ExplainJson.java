package com.retail.recon.explain;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.explain.Explanation.Day;
import com.retail.recon.explain.Explanation.Step;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * An {@link Explanation} as JSON (the fields are listed in the README, "Explaining a verdict"). Amounts are
 * strings at the currency's digits and "" where the ledgers leave them empty, as are instants (UTC) and the
 * other text fields; {@code flagged}, {@code in_force}, {@code applies} and {@code stuck} are booleans; counts,
 * hours and seconds are numbers; {@code line_no} is null for a whole-order request. {@link #toNode} gives the
 * object for another document to embed.
 */
public final class ExplainJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExplainJson() {
    }

    /** The whole document, indented, ending with a line break. */
    public static String write(Explanation explanation) {
        return JSON.writeValueAsString(toNode(explanation)) + "\n";
    }

    /** {@code {"request_id", "up_to", "matches_ledgers", "dates": [...]}}. */
    public static ObjectNode toNode(Explanation explanation) {
        ObjectNode root = NODES.objectNode();
        root.put("request_id", explanation.requestId());
        root.put("up_to", explanation.upTo().toString());
        root.put("matches_ledgers", explanation.matchesLedgers());
        ArrayNode dates = root.putArray("dates");
        for (Day day : explanation.days()) {
            dates.add(day(day));
        }
        return root;
    }

    private static ObjectNode day(Day day) {
        ObjectNode node = NODES.objectNode();
        node.put("business_date", day.businessDate().toString());
        node.put("cutoff", Figures.instant(day.cutoff()));
        node.put("outcome", day.outcome().name());
        node.put("policy_check", day.policyCheck() == null ? "" : day.policyCheck().name());
        node.put("expected_refund", Figures.amount(day.expectedRefund()));
        node.put("settled_amount", Figures.amount(day.settledAmount()));
        node.put("pending_amount", Figures.amount(day.pendingAmount()));
        node.put("failed_count", day.failedCount());
        node.put("currency", text(day.currency()));
        node.put("age_hours", day.ageHours());
        node.put("flagged", day.flagged());
        node.put("priority", day.priority() == null ? "" : day.priority().name());

        Step deciding = day.decidingRow();
        ObjectNode rule = node.putObject("rule");
        rule.put("row", deciding.number());
        rule.put("outcome", deciding.name());
        rule.put("because", deciding.because());
        ArrayNode above = rule.putArray("rows_above");
        for (Step row : day.outcomeRows().subList(0, day.outcomeRows().size() - 1)) {
            above.addObject().put("row", row.number()).put("outcome", row.name()).put("because", row.because());
        }
        ArrayNode policySteps = node.putArray("policy_steps");
        for (Step step : day.policySteps()) {
            policySteps.addObject().put("step", step.number()).put("check", step.name()).put("applies", step.applies())
                    .put("because", step.because());
        }

        Explanation.Sla sla = day.sla();
        ObjectNode slaNode = node.putObject("sla");
        slaNode.put("name", text(sla.name()));
        if (sla.limit() == null) {
            slaNode.putNull("hours");
            slaNode.putNull("seconds");
        } else {
            long seconds = sla.limit().getSeconds();
            if (seconds % 3600 == 0) {
                slaNode.put("hours", seconds / 3600);
            } else {
                slaNode.put("hours", seconds / 3600.0);
            }
            slaNode.put("seconds", sla.limit().getSeconds());
        }
        slaNode.put("since", sla.sinceField());
        slaNode.put("since_txn_id", text(sla.sinceTxn()));
        slaNode.put("since_at", Figures.instant(sla.since()));
        slaNode.put("age_seconds", sla.age().getSeconds());
        slaNode.put("age", Figures.clock(sla.age()));
        slaNode.put("stuck", sla.stuck());
        strings(node.putArray("flagged_because"), day.flaggedBecause());
        strings(node.putArray("priority_because"), day.priorityBecause());

        ArrayNode lines = node.putArray("lines");
        for (Explanation.Line line : day.lines()) {
            lines.add(line(line));
        }
        ArrayNode refunds = node.putArray("refunds");
        for (Explanation.Refund refund : day.refunds()) {
            refunds.add(refund(refund));
        }
        ArrayNode versions = node.putArray("request_versions");
        for (Explanation.RequestVersion version : day.requestVersions()) {
            versions.add(requestVersion(version));
        }

        Explanation.Ledger ledger = day.ledger();
        ObjectNode ledgerNode = node.putObject("ledger");
        ledgerNode.put("outcome", ledger.outcome());
        ledgerNode.put("policy_check", ledger.policyCheck());
        ledgerNode.put("expected_refund", ledger.expectedRefund());
        ledgerNode.put("settled_amount", ledger.settledAmount());
        ledgerNode.put("pending_amount", ledger.pendingAmount());
        ledgerNode.put("currency", ledger.currency());
        ledgerNode.put("age_hours", ledger.ageHours());
        ledgerNode.put("flagged", ledger.flagged());
        ledgerNode.put("priority", ledger.priority());
        strings(ledgerNode.putArray("refunds"), ledger.refunds());
        node.put("matches_ledger", day.discrepancies().isEmpty());
        ArrayNode discrepancies = node.putArray("discrepancies");
        for (Explanation.Discrepancy discrepancy : day.discrepancies()) {
            discrepancies.addObject().put("field", discrepancy.field()).put("ledger", discrepancy.ledger())
                    .put("rederived", discrepancy.rederived());
        }
        return node;
    }

    private static ObjectNode line(Explanation.Line line) {
        OrderLine l = line.line();
        ObjectNode node = NODES.objectNode();
        node.put("order_id", l.orderId());
        node.put("line_no", l.lineNo());
        node.put("arrived_on", l.businessDate().toString());
        node.put("sku", l.sku());
        node.put("category", l.category());
        node.put("policy_category", line.policyCategory());
        node.put("quantity", l.quantity());
        node.put("unit_price", line.share().unitPrice().toPlainString());
        node.put("price", line.share().price().toPlainString());
        node.put("fee_percent", line.share().feePercent().stripTrailingZeros().toPlainString());
        node.put("fee", line.share().fee().toPlainString());
        node.put("tax", line.share().tax().toPlainString());
        node.put("refund", line.share().refund().toPlainString());
        node.put("currency", l.currency());
        node.put("fulfillment_status", l.fulfillmentStatus().name());
        node.put("placed_at", Figures.instant(l.placedAt()));
        node.put("shipped_at", Figures.instant(l.shippedAt()));
        return node;
    }

    private static ObjectNode refund(Explanation.Refund refund) {
        RefundTxn t = refund.refund();
        ObjectNode node = NODES.objectNode();
        node.put("txn_id", t.txnId());
        node.put("arrived_on", t.businessDate().toString());
        node.put("order_id", t.orderId());
        node.put("request_id", text(t.requestId()));
        node.put("method", t.method().name());
        node.put("amount", refund.amount().toPlainString());
        node.put("currency", t.currency());
        node.put("status", t.status().name());
        node.put("created_at", Figures.instant(t.createdAt()));
        node.put("settled_at", Figures.instant(t.settledAt()));
        node.put("counts_in", refund.countsIn());
        node.put("other_currency", refund.otherCurrency());
        return node;
    }

    private static ObjectNode requestVersion(Explanation.RequestVersion version) {
        CancellationRequest r = version.version();
        ObjectNode node = NODES.objectNode();
        node.put("arrived_on", r.businessDate().toString());
        node.put("in_force", version.inForce());
        node.put("status", r.status().name());
        node.put("order_id", r.orderId());
        if (r.lineNo() == null) {
            node.putNull("line_no");
        } else {
            node.put("line_no", r.lineNo().intValue());
        }
        node.put("customer_id", r.customerId());
        node.put("channel", r.channel().name());
        node.put("requested_at", Figures.instant(r.requestedAt()));
        node.put("decided_at", Figures.instant(r.decidedAt()));
        node.put("confirmation_number", text(r.confirmationNumber()));
        node.put("reason", text(r.reason()));
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
