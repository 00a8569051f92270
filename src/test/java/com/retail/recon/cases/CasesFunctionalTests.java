package com.retail.recon.cases;

import com.opencsv.CSVReader;
import com.retail.recon.nightly.Inbox;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.SeparateJvm;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases kept by the night on each store: the sample inbox's cases against a model of the data's rules fed by
 * the ledgers themselves, people's actions between nights (rules 3 and 4), rule 2, bulk all-or-nothing, the
 * replay of a rerun and of a late date, and a crash in the cases step.
 */
class CasesFunctionalTests {

    private static final Path INBOX = Path.of("sample-data", "inbox");
    private static final Path EXPECTED = Path.of("sample-data", "expected");
    private static final List<String> DATES = List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23");

    @TempDir
    Path folder;

    static Stream<Named<Function<Path, TestStore>>> stores() {
        return Stream.of(Named.of("H2", TestStore::h2), Named.of("PostgreSQL", ignored -> TestStore.postgres()));
    }

    private Recon.Outcome recon(TestStore store, String... args) {
        return Recon.run(store, args);
    }

    private void run(TestStore store, Path inbox, String date) {
        Recon.Outcome outcome = recon(store, "run", "--date=" + date, "--inbox=" + inbox,
                "--archive=" + folder.resolve("archive"), "-q");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    }

    private String listing(TestStore store) {
        Recon.Outcome outcome = recon(store, "cases", "list", "--all", "--format", "csv");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        return outcome.out();
    }

    private Map<String, String> caseRow(TestStore store, long caseId) throws IOException {
        List<String[]> rows = csv(listing(store));
        for (String[] row : rows.subList(1, rows.size())) {
            if (row[0].equals(Long.toString(caseId))) {
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < row.length; i++) {
                    fields.put(rows.get(0)[i], row[i]);
                }
                return fields;
            }
        }
        throw new AssertionError("no case " + caseId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theSampleInbox_casesFollowTheLedgersDateByDate_asTheDataRulesSay(Function<Path, TestStore> kind)
            throws IOException {
        TestStore store = kind.apply(folder);
        CaseModel model = new CaseModel();
        for (String date : DATES) {
            run(store, INBOX, date);
            model.apply(LocalDate.parse(date), folder.resolve("archive").resolve(date).resolve("data/ledgers"));
            assertThat(listing(store)).as("cases after " + date).isEqualTo(model.listing(LocalDate.parse(date)));
        }
        assertThat(listing(store)).as("the hand-worked sample-data/expected/cases.csv")
                .isEqualTo(Files.readString(EXPECTED.resolve("cases.csv")));
        assertThat(csv(recon(store, "cases", "list", "--overdue", "--format", "csv").out()).stream().skip(1)
                .map(r -> r[0]).toList()).as("HIGH, due 11-22").containsExactly("11");
        assertThat(csv(recon(store, "cases", "list", "--format", "csv").out()).stream().skip(1).map(r -> r[0])
                .toList()).as("by default every state but CLOSED")
                .containsExactly("4", "6", "7", "8", "11", "13", "15", "18", "21");
        Recon.Outcome shown = recon(store, "cases", "show", "11");
        assertThat(shown.out()).contains("explain of CR-1009:").contains("Outcome: row 11 REFUND_FAILED")
                .contains("Ledger of 2026-11-23: agrees");
        Recon.Outcome json = recon(store, "cases", "show", "11", "--format", "json");
        assertThat(CasesCommandJson.field(json.out(), "explain", "request_id")).isEqualTo("CR-1009");
        assertThat(CasesCommandJson.field(json.out(), "state")).isEqualTo("OPEN");
        assertThat(csv(recon(store, "cases", "list", "--format", "csv").out()).stream().skip(1).map(r -> r[0])
                .toList())
                .containsExactly("4", "6", "7", "8", "11", "13", "15", "18", "21");
        assertThat(csv(recon(store, "cases", "list", "--kind", "ESCALATION", "--priority", "HIGH", "--format", "csv")
                .out()).stream().skip(1).map(r -> r[0]).toList()).containsExactly("11", "18");
        assertInvariants(store.jdbc());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void generatedDates_casesFollowTheLedgersDateByDate_andARerunChangesNothing(Function<Path, TestStore> kind)
            throws IOException {
        TestStore store = kind.apply(folder);
        Path inbox = folder.resolve("generated");
        assertThat(recon(store, "generate", "--out=" + inbox, "--from=2026-03-01", "--days=5", "--order-lines=3000",
                "--seed=11").exitCode()).isZero();
        CaseModel model = new CaseModel();
        for (int day = 0; day < 5; day++) {
            LocalDate date = LocalDate.parse("2026-03-01").plusDays(day);
            run(store, inbox, date.toString());
            model.apply(date, folder.resolve("archive").resolve(date.toString()).resolve("data/ledgers"));
            assertThat(listing(store)).as("cases after " + date).isEqualTo(model.listing(date));
        }
        assertThat(csv(listing(store))).as("every kind of flag became a case").hasSizeGreaterThan(100);
        String before = listing(store);
        long events = count(store, "SELECT COUNT(*) FROM recon_case_event");
        Recon.Outcome rerun = recon(store, "rerun", "--date=2026-03-03", "--inbox=" + inbox,
                "--archive=" + folder.resolve("archive"), "-q");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(listing(store)).isEqualTo(before);
        assertThat(count(store, "SELECT COUNT(*) FROM recon_case_event")).isEqualTo(events);
        assertInvariants(store.jdbc());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void peopleActBetweenNights_rule3ReopensAStaleFix_rule4ReopensAChangedAcceptance(Function<Path, TestStore> kind)
            throws IOException {
        TestStore store = kind.apply(folder);
        run(store, INBOX, "2026-11-20");
        run(store, INBOX, "2026-11-21");
        // case 4: CURRENCY_MISMATCH CR-1010/TX-5005, flagged every date; 10: STUCK_REFUND_PENDING CR-1003 (NORMAL on
        // 11-21, HIGH on 11-22, gone on 11-23); 11: CR-1009 AWAITING_REFUND on 11-21, REFUND_FAILED from 11-22
        assertThat(recon(store, "cases", "resolve", "4", "--fixed", "--note", "asked payments to refund in CAD",
                "--as", "fin").exitCode()).isZero();
        assertThat(recon(store, "cases", "ack", "10", "11", "--as", "ann").exitCode()).isZero();
        assertThat(recon(store, "cases", "resolve", "10", "11", "--accepted", "--note", "customer agreed",
                "--as", "ann").exitCode()).isZero();

        run(store, INBOX, "2026-11-22");
        assertThat(caseRow(store, 4)).containsEntry("state", "WAITING").containsEntry("reopen_count", "0");
        assertThat(caseRow(store, 10)).as("only its priority changed").containsEntry("state", "ACCEPTED")
                .containsEntry("priority", "HIGH");
        assertThat(caseRow(store, 11)).as("rule 4: its type changed").containsEntry("state", "OPEN")
                .containsEntry("reopen_count", "1").containsEntry("type", "REFUND_FAILED")
                .containsEntry("assignee", "ann").containsEntry("due_on", "2026-11-23");

        run(store, INBOX, "2026-11-23");
        assertThat(caseRow(store, 4)).as("rule 3: still flagged two dates after the fix").containsEntry("state", "OPEN")
                .containsEntry("reopen_count", "1").containsEntry("due_on", "2026-11-26");
        assertThat(caseRow(store, 10)).as("rule 5").containsEntry("state", "CLOSED")
                .containsEntry("closed_on", "2026-11-23");
        assertThat(caseRow(store, 11)).as("reopened on 11-22, HIGH: due 11-23, not past it yet")
                .containsEntry("overdue", "N");

        Recon.Outcome shown = recon(store, "cases", "show", "4");
        assertThat(shown.out()).containsPattern("fin +resolve +OPEN -> WAITING, FIXED: asked payments to refund in CAD")
                .containsPattern("recon +reopened +WAITING -> OPEN \\(data of 2026-11-23\\): still flagged 2 day\\(s\\) "
                        + "after the fix reported on 2026-11-21");

        assertInvariants(store.jdbc());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aBulkActionIsAllOrNothing_andEachRefusalIsListed(Function<Path, TestStore> kind) throws IOException {
        TestStore store = kind.apply(folder);
        run(store, INBOX, "2026-11-20");
        run(store, INBOX, "2026-11-21");
        assertThat(recon(store, "cases", "ack", "11", "--as", "ann").exitCode()).isZero();
        long events = count(store, "SELECT COUNT(*) FROM recon_case_event");
        String before = listing(store);

        Recon.Outcome refused = recon(store, "cases", "ack", "--kind", "ESCALATION", "--as", "bob");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("case 11 is IN_PROGRESS: ack is not allowed").contains("nothing changed");
        Recon.Outcome unknown = recon(store, "cases", "comment", "4", "999", "--note", "x", "--as", "bob");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("case 999: no such case");
        assertThat(listing(store)).isEqualTo(before);
        assertThat(count(store, "SELECT COUNT(*) FROM recon_case_event")).isEqualTo(events);

        Recon.Outcome bulk = recon(store, "cases", "assign", "--kind", "EXCEPTION", "--to", "fin", "--as", "lead");
        assertThat(bulk.exitCode()).as(bulk.err()).isZero();
        long exceptions = csv(listing(store)).stream().skip(1).filter(r -> r[1].equals("EXCEPTION") && !r[7].equals("CLOSED"))
                .count();
        assertThat(csv(recon(store, "cases", "list", "--assignee", "fin", "--format", "csv").out())).hasSize(
                (int) exceptions + 1);
        Recon.Outcome none = recon(store, "cases", "ack", "--as", "bob");
        assertThat(none.exitCode()).as("no ids and no filter: usage").isEqualTo(2);
        assertInvariants(store.jdbc());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void eachPersonsAction_allowedAndRefused_asTheSpecsTransitionsSay(Function<Path, TestStore> kind) throws IOException {
        TestStore store = kind.apply(folder);
        run(store, INBOX, "2026-11-20");
        run(store, INBOX, "2026-11-21");
        run(store, INBOX, "2026-11-22");
        // case 18: CR-1018 STUCK_AWAITING_DECISION opened on 11-22; case 2: CR-1014, CLOSED on 11-22
        refused(store, "case 18 is OPEN: reopen is not allowed", "reopen", "18", "--note", "why");
        allowed(store, "18", "IN_PROGRESS", "ann", "ack", "18", "--as", "ann");
        refused(store, "case 18 is IN_PROGRESS: ack is not allowed", "ack", "18", "--as", "bob");
        allowed(store, "18", "IN_PROGRESS", "bob", "assign", "18", "--to", "bob", "--as", "ann");
        allowed(store, "18", "IN_PROGRESS", "bob", "comment", "18", "--note", "called the storefront", "--as", "bob");
        allowed(store, "18", "WAITING", "bob", "resolve", "18", "--fixed", "--note", "decision made", "--as", "bob");
        refused(store, "case 18 is WAITING: resolve --fixed is not allowed", "resolve", "18", "--fixed", "--note", "x");
        allowed(store, "18", "OPEN", "bob", "reopen", "18", "--note", "the storefront did not decide", "--as", "bob");
        assertThat(caseRow(store, 18)).containsEntry("reopen_count", "1").containsEntry("due_on", "2026-11-25");
        allowed(store, "18", "ACCEPTED", "bob", "resolve", "18", "--accepted", "--note", "customer withdrew", "--as", "bob");
        refused(store, "case 18 is ACCEPTED: resolve --accepted is not allowed", "resolve", "18", "--accepted", "--note", "x");
        refused(store, "case 2 is CLOSED: assign is not allowed; allowed: comment", "assign", "2", "--to", "bob");
        refused(store, "case 2 is CLOSED: ack is not allowed", "ack", "2");
        allowed(store, "2", "CLOSED", "", "comment", "2", "--note", "customer thanked us", "--as", "ann");
        Recon.Outcome noNote = recon(store, "cases", "resolve", "4", "--fixed", "--as", "ann");
        assertThat(noNote.exitCode()).isEqualTo(2);
        assertThat(noNote.err()).contains("--note");
        Recon.Outcome events = recon(store, "cases", "show", "18", "--format", "json");
        assertThat(events.out()).contains("\"action\" : \"ack\"").contains("\"action\" : \"assign\"")
                .contains("\"action\" : \"comment\"").contains("\"disposition\" : \"FIXED\"")
                .contains("\"action\" : \"reopen\"").contains("\"disposition\" : \"ACCEPTED\"");
        assertInvariants(store.jdbc());
    }

    private void allowed(TestStore store, String caseId, String state, String assignee, String... args)
            throws IOException {
        List<String> all = new ArrayList<>(List.of("cases"));
        all.addAll(List.of(args));
        Recon.Outcome outcome = recon(store, all.toArray(String[]::new));
        assertThat(outcome.exitCode()).as(String.join(" ", args) + ": " + outcome.err()).isZero();
        assertThat(caseRow(store, Long.parseLong(caseId))).as(String.join(" ", args)).containsEntry("state", state)
                .containsEntry("assignee", assignee);
    }

    private void refused(TestStore store, String message, String... args) throws IOException {
        String before = listing(store);
        List<String> all = new ArrayList<>(List.of("cases"));
        all.addAll(List.of(args));
        Recon.Outcome outcome = recon(store, all.toArray(String[]::new));
        assertThat(outcome.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(outcome.err()).contains(message);
        assertThat(listing(store)).as("nothing changed").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void rule2_aCaseTheDataClosedOpensAgainWhenFlaggedAgain(Function<Path, TestStore> kind) throws IOException {
        TestStore store = kind.apply(folder);
        Inbox inbox = new Inbox(folder.resolve("inbox"));
        // R-1 confirmed on 11-01 and refunded in full on 11-02 (REFUNDED: closed); on 11-03 the refund is reversed
        inbox.file(LocalDate.parse("2026-11-01"), "orders.csv", Inbox.ORDERS_HEADER,
                        "O-1,1,C-1,2026-10-28T10:00:00Z,SKU-1,DEFAULT,1,10.00,0.80,USD,CARD,PENDING,")
                .file(LocalDate.parse("2026-11-01"), "cancellations.csv", Inbox.CANCELLATIONS_HEADER,
                        "R-1,O-1,,C-1,2026-10-28T11:00:00Z,WEBSITE,,CONFIRMED,CNF-1,2026-10-28T11:05:00Z")
                .file(LocalDate.parse("2026-11-01"), "refunds.csv", Inbox.REFUNDS_HEADER)
                .file(LocalDate.parse("2026-11-02"), "orders.csv", Inbox.ORDERS_HEADER)
                .file(LocalDate.parse("2026-11-02"), "cancellations.csv", Inbox.CANCELLATIONS_HEADER)
                .file(LocalDate.parse("2026-11-02"), "refunds.csv", Inbox.REFUNDS_HEADER,
                        "T-1,O-1,R-1,ORIGINAL_PAYMENT,10.80,USD,SETTLED,2026-11-02T09:00:00Z,2026-11-02T10:00:00Z")
                .file(LocalDate.parse("2026-11-03"), "orders.csv", Inbox.ORDERS_HEADER)
                .file(LocalDate.parse("2026-11-03"), "cancellations.csv", Inbox.CANCELLATIONS_HEADER)
                .file(LocalDate.parse("2026-11-03"), "refunds.csv", Inbox.REFUNDS_HEADER,
                        "T-1,O-1,R-1,ORIGINAL_PAYMENT,10.80,USD,REVERSED,2026-11-02T09:00:00Z,2026-11-02T10:00:00Z");
        run(store, inbox.root(), "2026-11-01");
        assertThat(caseRow(store, 1)).containsEntry("type", "STUCK_NO_REFUND").containsEntry("state", "OPEN");
        assertThat(recon(store, "cases", "ack", "1", "--as", "ann").exitCode()).isZero();
        run(store, inbox.root(), "2026-11-02");
        assertThat(caseRow(store, 1)).containsEntry("state", "CLOSED").containsEntry("closed_on", "2026-11-02");
        run(store, inbox.root(), "2026-11-03");
        assertThat(caseRow(store, 1)).containsEntry("type", "REFUND_FAILED").containsEntry("state", "OPEN")
                .containsEntry("reopen_count", "1").containsEntry("closed_on", "").containsEntry("priority", "HIGH")
                .containsEntry("due_on", "2026-11-04").containsEntry("assignee", "ann");
        assertThat(recon(store, "cases", "show", "1").out()).contains("CLOSED -> OPEN (data of 2026-11-03)");
        assertInvariants(store.jdbc());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aRerunOfAnEarlierDateAfterPeopleActed_replaysToTheSameCases_withoutNewEvents(Function<Path, TestStore> kind)
            throws IOException {
        TestStore store = kind.apply(folder);
        run(store, INBOX, "2026-11-20");
        run(store, INBOX, "2026-11-21");
        assertThat(recon(store, "cases", "resolve", "4", "--fixed", "--note", "fixed", "--as", "fin").exitCode()).isZero();
        assertThat(recon(store, "cases", "ack", "11", "--as", "ann").exitCode()).isZero();
        run(store, INBOX, "2026-11-22");
        assertThat(recon(store, "cases", "resolve", "11", "--accepted", "--note", "ok", "--as", "ann").exitCode())
                .isZero();
        run(store, INBOX, "2026-11-23");
        String before = listing(store);
        long events = count(store, "SELECT COUNT(*) FROM recon_case_event");

        Recon.Outcome rerun = recon(store, "rerun", "--date=2026-11-21", "--inbox=" + INBOX,
                "--archive=" + folder.resolve("archive"), "-q");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(listing(store)).isEqualTo(before);
        assertThat(count(store, "SELECT COUNT(*) FROM recon_case_event")).isEqualTo(events);
        assertThat(count(store, "SELECT latest_date FROM recon_case_clock", LocalDate.class))
                .isEqualTo(LocalDate.parse("2026-11-23"));
        assertInvariants(store.jdbc());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aRerunWhoseDataNoLongerFlagsACase_closesItWithOneEvent_andKeepsEveryId(Function<Path, TestStore> kind)
            throws IOException {
        TestStore store = kind.apply(folder);
        Path inbox = copyOfSampleInbox();
        for (String date : DATES) {
            run(store, inbox, date);
        }
        // case 21: STUCK_NO_REFUND CR-1017 opened on 11-23. The corrected export of 11-23 drops nothing but adds
        // the refund the payments system had missed: the request is REFUNDED and no longer flagged.
        assertThat(caseRow(store, 21)).containsEntry("request_id", "CR-1017").containsEntry("state", "OPEN");
        assertThat(recon(store, "cases", "ack", "21", "--as", "ann").exitCode()).isZero();
        String order = caseRow(store, 21).get("order_id");
        String amount = caseRow(store, 21).get("amount");
        Path refunds = inbox.resolve("2026-11-23/refunds.csv");
        Files.writeString(refunds, Files.readString(refunds) + "TX-9999," + order + ",CR-1017,ORIGINAL_PAYMENT,"
                + amount + ",GBP,SETTLED,2026-11-23T09:00:00Z,2026-11-23T10:00:00Z\n");
        long maxId = count(store, "SELECT MAX(case_id) FROM recon_case");

        Recon.Outcome rerun = recon(store, "rerun", "--date=2026-11-23", "--inbox=" + inbox,
                "--archive=" + folder.resolve("archive"), "-q");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(caseRow(store, 21)).containsEntry("state", "CLOSED").containsEntry("closed_on", "2026-11-23")
                .containsEntry("assignee", "ann");
        assertThat(recon(store, "cases", "show", "21").out()).containsPattern("replayed +IN_PROGRESS -> CLOSED");
        assertThat(count(store, "SELECT MAX(case_id) FROM recon_case")).isEqualTo(maxId);
        assertInvariants(store.jdbc());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aLateDate_replaysTheLaterDates_keepingIdsAndHistory(Function<Path, TestStore> kind) throws IOException {
        TestStore store = kind.apply(folder);
        Path inbox = copyOfSampleInbox();
        Path late = folder.resolve("late-2026-11-21");
        Files.move(inbox.resolve("2026-11-21"), late);
        run(store, inbox, "2026-11-20");
        run(store, inbox, "2026-11-22");
        assertThat(recon(store, "cases", "ack", "--kind", "ESCALATION", "--as", "ann").exitCode()).isZero();
        String before = listing(store);
        Files.move(late, inbox.resolve("2026-11-21"));
        run(store, inbox, "2026-11-21");
        String after = listing(store);
        // every case that existed keeps its id and key
        for (String[] row : csv(before).subList(1, csv(before).size())) {
            String[] now = csv(after).stream().filter(r -> r[0].equals(row[0])).findFirst().orElseThrow();
            assertThat(List.of(now[1], now[3], now[5])).as("case " + row[0])
                    .isEqualTo(List.of(row[1], row[3], row[5]));
        }
        assertThat(count(store, "SELECT latest_date FROM recon_case_clock", LocalDate.class))
                .isEqualTo(LocalDate.parse("2026-11-22"));
        assertInvariants(store.jdbc());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aCrashInTheCasesStep_restartsToTheSameCasesAndEvents(Function<Path, TestStore> kind) throws Exception {
        TestStore clean = kind.apply(folder.resolve("clean"));
        TestStore store = kind.apply(folder.resolve("crashed"));
        Path archive = folder.resolve("archive");
        for (String date : DATES.subList(0, 2)) {
            for (TestStore s : List.of(clean, store)) {
                assertThat(recon(s, "run", "--date=" + date, "--inbox=" + INBOX, "--archive=" + archive
                        .resolve(s == clean ? "clean" : "crashed"), "-q").exitCode()).isZero();
            }
        }
        for (TestStore s : List.of(clean, store)) {
            assertThat(recon(s, "cases", "ack", "11", "--as", "ann").exitCode()).isZero();
        }
        assertThat(recon(clean, "run", "--date=2026-11-22", "--inbox=" + INBOX, "--archive=" + archive.resolve("clean"),
                "-q").exitCode()).isZero();
        int killed = SeparateJvm.run(store, folder.resolve("killed.log"), "run", "--date=2026-11-22",
                "--inbox=" + INBOX, "--archive=" + archive.resolve("crashed"), "--recon.fault.halt-step=cases");
        assertThat(killed).as(Files.readString(folder.resolve("killed.log"))).isEqualTo(137);
        assertThat(count(store, "SELECT COUNT(*) FROM recon_case_day WHERE business_date = DATE '2026-11-22'"))
                .as("nothing of the killed step committed").isZero();
        Recon.Outcome restarted = recon(store, "restart", "--date=2026-11-22");
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(listing(store)).isEqualTo(listing(clean));
        assertThat(eventsWithoutInstants(store.jdbc())).isEqualTo(eventsWithoutInstants(clean.jdbc()));
        assertInvariants(store.jdbc());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Events are never lost or doubled: numbered 1..n per case, and the newest one says the case's state. */
    static void assertInvariants(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForList("SELECT c.case_id FROM recon_case c JOIN recon_case_event e ON e.case_id = c.case_id "
                + "AND e.event_no = c.last_event_no WHERE e.to_state <> c.state", Long.class))
                .as("cases whose newest event says another state").isEmpty();
        assertThat(jdbc.queryForList("SELECT case_id FROM recon_case_event GROUP BY case_id "
                + "HAVING COUNT(*) <> MAX(event_no) OR MIN(event_no) <> 1", Long.class)).as("gaps in event numbers")
                .isEmpty();
        assertThat(jdbc.queryForList("SELECT c.case_id FROM recon_case c WHERE c.last_event_no <> "
                + "(SELECT MAX(e.event_no) FROM recon_case_event e WHERE e.case_id = c.case_id)", Long.class))
                .as("last_event_no").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recon_case", Long.class)).as("ids without gaps")
                .isEqualTo(jdbc.queryForObject("SELECT COALESCE(MAX(case_id), 0) FROM recon_case", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT next_case_id - 1 FROM recon_case_clock", Long.class));
    }

    private static List<String> eventsWithoutInstants(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT case_id || '/' || event_no || '/' || actor || '/' || action || '/' || "
                + "COALESCE(CAST(business_date AS VARCHAR), '') || '/' || COALESCE(from_state, '') || '/' || to_state "
                + "FROM recon_case_event ORDER BY case_id, event_no", String.class);
    }

    private static long count(TestStore store, String sql) {
        Long value = store.jdbc().queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private static <T> T count(TestStore store, String sql, Class<T> type) {
        return store.jdbc().queryForObject(sql, type);
    }

    private Path copyOfSampleInbox() throws IOException {
        Path copy = folder.resolve("inbox");
        for (String date : DATES) {
            Files.createDirectories(copy.resolve(date));
            for (String file : List.of("orders.csv", "cancellations.csv", "refunds.csv")) {
                Files.copy(INBOX.resolve(date).resolve(file), copy.resolve(date).resolve(file));
            }
        }
        return copy;
    }

    static List<String[]> csv(String text) {
        try (CSVReader reader = new CSVReader(new StringReader(text))) {
            return reader.readAll();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The data's rules (1, 2, 5, 6; no people), fed by a date's published ledgers: an independent account of
     * what the cases must be, to compare the store's listing with.
     */
    static final class CaseModel {
        private final Map<String, Long> idByKey = new HashMap<>();
        private final Map<Long, Map<String, String>> cases = new TreeMap<>();

        void apply(LocalDate date, Path ledgers) throws IOException {
            Map<String, String[]> requests = new HashMap<>();
            List<String[]> cancellations = csv(Files.readString(ledgers.resolve("cancellations.csv")));
            for (String[] row : cancellations.subList(1, cancellations.size())) {
                requests.put(row[1], row);
            }
            List<Map<String, String>> flags = new ArrayList<>();
            List<String[]> escalations = csv(Files.readString(ledgers.resolve("escalations.csv")));
            for (String[] row : escalations.subList(1, escalations.size())) {
                // business_date,request_id,order_id,customer_id,outcome,policy_check,priority,age_hours,new,suggested_action
                String[] request = requests.get(row[1]);
                String expected = request[12];
                String settled = request[13];
                boolean amount = !expected.isEmpty();
                flags.add(Map.of("key", "E|" + row[1], "kind", "ESCALATION", "type", row[4], "request_id", row[1],
                        "order_id", row[2], "txn_id", "", "priority", row[6],
                        "amount", amount ? new BigDecimal(expected).subtract(new BigDecimal(settled)).toPlainString() : "",
                        "currency", amount ? request[15] : "", "detail", row[9]));
            }
            List<String[]> exceptions = csv(Files.readString(ledgers.resolve("exceptions.csv")));
            for (String[] row : exceptions.subList(1, exceptions.size())) {
                // business_date,exception_type,request_id,order_id,txn_id,amount,currency,detail
                String type = row[1];
                String key = switch (type) {
                    case "CURRENCY_MISMATCH" -> type + "|" + row[2] + "|" + row[4];
                    case "ORPHAN_REFUND", "AMBIGUOUS_REFUND" -> type + "||" + row[4];
                    default -> type + "|" + row[2] + "|";
                };
                flags.add(Map.of("key", "X|" + key, "kind", "EXCEPTION", "type", type, "request_id", row[2],
                        "order_id", row[3], "txn_id", row[4], "priority", "NORMAL", "amount", row[5],
                        "currency", row[6], "detail", row[7]));
            }
            List<Long> flagged = new ArrayList<>();
            for (Map<String, String> flag : flags) {
                Long id = idByKey.get(flag.get("key"));
                Map<String, String> c;
                if (id == null) {
                    id = (long) idByKey.size() + 1;
                    idByKey.put(flag.get("key"), id);
                    c = new HashMap<>(Map.of("state", "OPEN", "opened_on", date.toString(), "reopened_on", "",
                            "reopen_count", "0", "closed_on", ""));
                    cases.put(id, c);
                } else {
                    c = cases.get(id);
                    if (c.get("state").equals("CLOSED")) {
                        c.put("state", "OPEN");
                        c.put("reopen_count", Integer.toString(Integer.parseInt(c.get("reopen_count")) + 1));
                        c.put("reopened_on", date.toString());
                        c.put("closed_on", "");
                    }
                }
                c.putAll(flag);
                c.put("last_flagged_on", date.toString());
                flagged.add(id);
            }
            cases.forEach((id, c) -> {
                if (!flagged.contains(id) && !c.get("state").equals("CLOSED")) {
                    c.put("state", "CLOSED");
                    c.put("closed_on", date.toString());
                }
            });
        }

        String listing(LocalDate latest) {
            StringBuilder text = new StringBuilder(String.join(",", CaseListing.CASE_COLUMNS)).append('\n');
            cases.forEach((id, c) -> {
                LocalDate from = LocalDate.parse(c.get("reopened_on").isEmpty() ? c.get("opened_on") : c.get("reopened_on"));
                LocalDate due = from.plusDays(c.get("priority").equals("HIGH") ? 1 : 3);
                boolean overdue = (c.get("state").equals("OPEN")) && latest.isAfter(due);
                List<String> fields = List.of(Long.toString(id), c.get("kind"), c.get("type"), c.get("request_id"),
                        c.get("order_id"), c.get("txn_id"), c.get("priority"), c.get("state"), "", c.get("opened_on"),
                        c.get("last_flagged_on"), c.get("closed_on"), due.toString(), overdue ? "Y" : "N",
                        c.get("reopen_count"), c.get("amount"), c.get("currency"), c.get("detail"));
                text.append(String.join(",", fields.stream().map(CaseModel::quoted).toList())).append('\n');
            });
            return text.toString();
        }

        private static String quoted(String field) {
            return field.contains(",") || field.contains("\"") || field.contains("\n")
                    ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
        }
    }
}
