package com.retail.recon.explain;

import com.retail.recon.ingest.CsvRecord;
import com.retail.recon.ingest.CsvRecordReader;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.reconcile.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code recon explain} over the sample inbox (run once for the class), checked against the hand-worked ledgers
 * in {@code sample-data/expected}: never against figures computed by the code under test. On the embedded
 * store here and on PostgreSQL in {@link ExplainPostgresTests}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainFunctionalTests {

    private static final Path INBOX = Path.of("sample-data", "inbox");
    private static final Path EXPECTED = Path.of("sample-data", "expected");
    private static final List<String> DATES = List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One folder for the class: the sample's store and archive, and the empty store. */
    private Path folder;

    private TestStore store;

    /** The ledgers' rows by date, then request_id: cancellations.csv's columns plus escalations.csv's priority. */
    private final Map<String, Map<String, Map<String, String>>> ledgers = new HashMap<>();

    TestStore store(Path folder) {
        return TestStore.h2(folder);
    }

    @BeforeAll
    void runTheSampleInbox(@TempDir Path folder) throws IOException {
        this.folder = folder;
        store = store(folder.resolve("sample"));
        for (String date : DATES) {
            Recon.Outcome run = Recon.run(store, "run", "--date=" + date, "--inbox=" + INBOX,
                    "--archive=" + folder.resolve("archive"), "-q");
            assertThat(run.exitCode()).as("run %s", date).isZero();
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (Map<String, String> row : csv(EXPECTED.resolve(date).resolve("cancellations.csv"))) {
                rows.put(row.get("request_id"), row);
            }
            for (Map<String, String> escalation : csv(EXPECTED.resolve(date).resolve("escalations.csv"))) {
                rows.get(escalation.get("request_id")).put("priority", escalation.get("priority"));
            }
            ledgers.put(date, rows);
        }
    }

    private Recon.Outcome explain(String... args) {
        List<String> all = new ArrayList<>(List.of("explain"));
        all.addAll(List.of(args));
        return Recon.run(store, all.toArray(String[]::new));
    }

    private JsonNode explainJson(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--format=json");
        Recon.Outcome outcome = explain(all.toArray(String[]::new));
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        return JSON.readTree(outcome.out());
    }

    @Test
    void aRequestOfEveryOutcome_isExplainedOnEveryDateItWasReported_asTheLedgersHaveIt() {
        // given: for each of the 13 outcomes, the first request (by date, then id) the ledgers give it
        Map<Outcome, String> requestOf = new LinkedHashMap<>();
        for (String date : DATES) {
            ledgers.get(date).forEach((requestId, row) ->
                    requestOf.putIfAbsent(Outcome.valueOf(row.get("outcome")), requestId));
        }
        assertThat(requestOf.keySet()).as("the sample covers every outcome").isEqualTo(EnumSet.allOf(Outcome.class));

        for (String requestId : new LinkedHashSet<>(requestOf.values())) {
            // when
            JsonNode explained = explainJson(requestId);
            // then: one entry per date whose ledger reports the request, each agreeing with that ledger's row
            List<String> reportedOn = DATES.stream().filter(d -> ledgers.get(d).containsKey(requestId)).toList();
            List<String> explainedOn = new ArrayList<>();
            for (JsonNode day : explained.get("dates")) {
                String date = day.get("business_date").asString();
                explainedOn.add(date);
                Map<String, String> row = ledgers.get(date).get(requestId);
                String where = requestId + " on " + date;
                assertThat(day.get("outcome").asString()).as(where).isEqualTo(row.get("outcome"));
                assertThat(day.get("policy_check").asString()).as(where).isEqualTo(row.get("policy_check"));
                assertThat(day.get("expected_refund").asString()).as(where).isEqualTo(row.get("expected_refund"));
                assertThat(day.get("settled_amount").asString()).as(where).isEqualTo(row.get("settled_amount"));
                assertThat(day.get("pending_amount").asString()).as(where).isEqualTo(row.get("pending_amount"));
                assertThat(day.get("currency").asString()).as(where).isEqualTo(row.get("currency"));
                assertThat(day.get("age_hours").asLong()).as(where).isEqualTo(Long.parseLong(row.get("age_hours")));
                assertThat(day.get("flagged").asBoolean() ? "Y" : "N").as(where).isEqualTo(row.get("flagged"));
                assertThat(day.get("priority").asString()).as(where).isEqualTo(row.getOrDefault("priority", ""));
                assertThat(day.get("rule").get("outcome").asString()).as(where).isEqualTo(row.get("outcome"));
                assertThat(day.get("rule").get("row").asInt()).as(where)
                        .isEqualTo(Outcome.valueOf(row.get("outcome")).ordinal() + 1);
                assertThat(day.get("matches_ledger").asBoolean()).as(where).isTrue();
            }
            assertThat(explainedOn).as(requestId).isEqualTo(reportedOn);
        }
    }

    @Test
    void aRequestOnSeveralDates_showsTheVersionsInForceEachDay_withTheDatesTheyArrived() {
        // CR-1001: REQUESTED on 11-20, CONFIRMED on 11-21, refund PENDING on 11-22, SETTLED on 11-23
        JsonNode dates = explainJson("CR-1001").get("dates");

        assertThat(dates).hasSize(4);
        assertThat(versions(dates.get(0))).containsExactly("2026-11-20 REQUESTED in force");
        for (int i = 1; i < 4; i++) {
            assertThat(versions(dates.get(i))).as(DATES.get(i))
                    .containsExactly("2026-11-20 REQUESTED", "2026-11-21 CONFIRMED in force");
        }
        for (JsonNode day : dates) {
            assertThat(day.get("lines")).hasSize(1);
            assertThat(day.get("lines").get(0).get("arrived_on").asString()).isEqualTo("2026-11-20");
        }
        assertThat(dates.get(0).get("refunds")).isEmpty();
        assertThat(dates.get(1).get("refunds")).isEmpty();
        assertThat(refunds(dates.get(2))).containsExactly("TX-5301 PENDING 140.39 arrived 2026-11-22 counts in P");
        assertThat(refunds(dates.get(3))).containsExactly("TX-5301 SETTLED 140.39 arrived 2026-11-23 counts in S");
    }

    @Test
    void dateOption_limitsTheDatesToThoseUpToIt() {
        JsonNode explained = explainJson("CR-1001", "--date=2026-11-21");

        assertThat(explained.get("up_to").asString()).isEqualTo("2026-11-21");
        assertThat(explained.get("dates").findValuesAsString("business_date"))
                .containsExactly("2026-11-20", "2026-11-21");
    }

    @Test
    void theJson_hasTheDocumentedFields() {
        JsonNode explained = explainJson("CR-1009"); // lines, a FAILED refund, flagged HIGH

        assertThat(names(explained)).containsExactly("request_id", "up_to", "matches_ledgers", "dates");
        JsonNode day = explained.get("dates").get(2);
        assertThat(names(day)).containsExactly("business_date", "cutoff", "outcome", "policy_check",
                "expected_refund", "settled_amount", "pending_amount", "failed_count", "currency", "age_hours",
                "flagged", "priority", "rule", "policy_steps", "sla", "flagged_because", "priority_because", "lines",
                "refunds", "request_versions", "ledger", "matches_ledger", "discrepancies");
        assertThat(names(day.get("rule"))).containsExactly("row", "outcome", "because", "rows_above");
        assertThat(names(day.get("rule").get("rows_above").get(0))).containsExactly("row", "outcome", "because");
        assertThat(names(day.get("policy_steps").get(0))).containsExactly("step", "check", "applies", "because");
        assertThat(names(day.get("sla"))).containsExactly("name", "hours", "seconds", "since", "since_txn_id",
                "since_at", "age_seconds", "age", "stuck");
        assertThat(names(day.get("lines").get(0))).containsExactly("order_id", "line_no", "arrived_on", "sku",
                "category", "policy_category", "quantity", "unit_price", "price", "fee_percent", "fee", "tax",
                "refund", "currency", "fulfillment_status", "placed_at", "shipped_at");
        assertThat(names(day.get("refunds").get(0))).containsExactly("txn_id", "arrived_on", "order_id",
                "request_id", "method", "amount", "currency", "status", "created_at", "settled_at", "counts_in",
                "other_currency");
        assertThat(names(day.get("request_versions").get(0))).containsExactly("arrived_on", "in_force", "status",
                "order_id", "line_no", "customer_id", "channel", "requested_at", "decided_at",
                "confirmation_number", "reason");
        assertThat(names(day.get("ledger"))).containsExactly("outcome", "policy_check", "expected_refund",
                "settled_amount", "pending_amount", "currency", "age_hours", "flagged", "priority", "refunds");
        // the values' types: amounts are strings, flagged a boolean, counts numbers
        assertThat(day.get("expected_refund").isString()).isTrue();
        assertThat(day.get("flagged").isBoolean()).isTrue();
        assertThat(day.get("failed_count").isNumber()).isTrue();
        assertThat(day.get("failed_count").asInt()).isEqualTo(1);
        assertThat(day.get("refunds").get(0).get("counts_in").asString()).isEqualTo("F");
    }

    @Test
    void orderNotFound_leavesTheAmountsAndThePolicyCheckEmpty() {
        JsonNode day = explainJson("CR-1012", "--date=2026-11-20").get("dates").get(0);

        assertThat(day.get("outcome").asString()).isEqualTo("ORDER_NOT_FOUND");
        for (String empty : List.of("policy_check", "expected_refund", "settled_amount", "pending_amount", "currency")) {
            assertThat(day.get(empty).asString()).as(empty).isEmpty();
        }
        assertThat(day.get("lines")).isEmpty();
        assertThat(day.get("policy_steps")).isEmpty();
        assertThat(day.get("rule").get("row").asInt()).isEqualTo(1);
    }

    @Test
    void theText_showsEachLinesArithmetic_withTheFeeRoundedHalfUp() {
        // the sample README's worksheet: CR-1002, two FURNITURE lines, fee 15% half-up
        Recon.Outcome outcome = explain("CR-1002", "--date=2026-11-20");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out())
                .contains("1 x 33.33 = 33.33 - fee 5.00 (15% of 33.33, rounded half-up) + tax 6.33 = 34.66")
                .contains("2 x 6.15 = 12.30 - fee 1.85 (15% of 12.30, rounded half-up) + tax 2.34 = 12.79")
                .contains("E = 34.66 + 12.79 = 47.45")
                .contains("S = TX-5001 47.45 = 47.45")
                .contains("Outcome: row 7 REFUNDED");
    }

    @Test
    void theText_comparesTheAgeWithItsSla_toTheSecond() {
        // CR-1016 was requested at 23:59:59 on 11-20: at the cutoff of 11-21 it is 24 h and one second old
        Recon.Outcome outcome = explain("CR-1016", "--date=2026-11-21");

        assertThat(outcome.out())
                .contains("age since requested_at 2026-11-20T23:59:59Z: 1d 00:00:01 (86,401 s) > "
                        + "decision-sla-hours 24 h (86,400 s)")
                .contains("Outcome: row 5 STUCK_AWAITING_DECISION")
                .contains("4 PENDING_DECISION         no ")
                .contains("Flagged: Y");
    }

    @Test
    void theText_saysWhyTheRowsAboveTheDecidingOneDidNotApply() {
        // CR-1014 on 11-20: refunded without the tax, 4.40 short
        Recon.Outcome outcome = explain("CR-1014", "--date=2026-11-20");

        assertThat(outcome.out())
                .contains("7 REFUNDED                 no  |S - E| = |54.99 - 59.39| = 4.40 > tolerance 0.01")
                .contains("9 REFUND_PENDING           no  P = 0.00")
                .contains("10 UNDER_REFUNDED           yes S = 54.99 > 0, short of E by 4.40")
                .contains("Priority: HIGH");
    }

    @Test
    void aVerdictThatDiffersFromItsLedger_isShownLoudly_andExitsWith4() {
        // explained under another policy than the date ran with: FURNITURE's fee 10% instead of 15%
        Recon.Outcome outcome = explain("CR-1002", "--date=2026-11-20",
                "--recon.policy.categories.FURNITURE.fee-percent=10");

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.out()).contains("!! DOES NOT MATCH THE LEDGER OF 2026-11-20")
                .contains("!!   expected_refund: ledger '47.45', re-derived '")
                .contains("!!   outcome: ledger 'REFUNDED', re-derived '");
        assertThat(outcome.err()).contains("differs from its ledger");
    }

    @Test
    void anUnknownRequest_isExit2WithOneLine() {
        Recon.Outcome outcome = explain("CR-9999");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().lines()).containsExactly(
                "recon: request CR-9999 was not reported on any completed business date up to 2026-11-23");
    }

    @Test
    void aRequestFirstReportedAfterTheDate_isUnknownUpToIt() {
        Recon.Outcome outcome = explain("CR-1023", "--date=2026-11-22");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).hasSize(1);
    }

    @Test
    void aStoreWhereNoDateHasCompleted_isExit2WithOneLine() {
        Recon.Outcome outcome = Recon.run(store(folder.resolve("empty")), "explain", "CR-1001");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly("recon: no business date has completed yet: nothing to explain");
    }

    private static List<String> versions(JsonNode day) {
        List<String> versions = new ArrayList<>();
        for (JsonNode version : day.get("request_versions")) {
            versions.add(version.get("arrived_on").asString() + " " + version.get("status").asString()
                    + (version.get("in_force").asBoolean() ? " in force" : ""));
        }
        return versions;
    }

    private static List<String> refunds(JsonNode day) {
        List<String> refunds = new ArrayList<>();
        for (JsonNode refund : day.get("refunds")) {
            refunds.add(refund.get("txn_id").asString() + " " + refund.get("status").asString() + " "
                    + refund.get("amount").asString() + " arrived " + refund.get("arrived_on").asString()
                    + " counts in " + refund.get("counts_in").asString());
        }
        return refunds;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /** A ledger's rows as header → value maps. */
    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file)) {
            String[] header = reader.next().fields();
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], record.fields()[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
