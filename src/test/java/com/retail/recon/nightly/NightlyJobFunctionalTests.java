package com.retail.recon.nightly;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly job through the command line: exit codes, refusals, reruns, late dates. Runs on the embedded
 * store here and on PostgreSQL in {@link NightlyJobPostgresTests}.
 */
class NightlyJobFunctionalTests {

    private static final LocalDate D1 = LocalDate.of(2026, 11, 20);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);

    @TempDir
    Path folder;

    TestStore store() {
        return TestStore.h2(folder);
    }

    private Recon.Outcome run(TestStore store, Inbox inbox, LocalDate date, String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "run";
        args[1] = "--date=" + date;
        args[2] = "--inbox=" + inbox.root();
        args[3] = "--archive=" + folder.resolve("archive");
        args[4] = "--recon.chunk-size=2";
        args[5] = "--logging.level.com.retail.recon=WARN";
        System.arraycopy(more, 0, args, 6, more.length);
        return Recon.run(store, args);
    }

    private Path bundle(String name) {
        return folder.resolve("archive").resolve(name);
    }

    @Test
    void runsADate_andWritesTheSixLedgers() throws IOException {
        // given
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        // when
        Recon.Outcome outcome = run(store(), inbox, D1);
        // then
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("2026-11-20 completed").contains("REFUNDED 1")
                .contains("bundle       " + bundle("2026-11-20"));
        assertThat(bundle("2026-11-20/data/ledgers")).isDirectoryContaining("glob:**/cancellations.csv")
                .isDirectoryContaining("glob:**/refunds.csv").isDirectoryContaining("glob:**/escalations.csv")
                .isDirectoryContaining("glob:**/exceptions.csv").isDirectoryContaining("glob:**/rejects.csv")
                .isDirectoryContaining("glob:**/summary.csv");
        assertThat(folder.resolve("archive")).isDirectoryNotContaining("glob:**.partial");
        assertThat(Files.readString(folder.resolve("archive/2026-11-20.run.json")))
                .contains("\"businessDate\" : \"2026-11-20\"").contains("\"status\" : \"COMPLETED\"")
                .contains("\"REFUNDED\" : 1");
    }

    @Test
    void textWithBackslashesTabsQuotesAndLineBreaks_reachesTheLedgersAsWritten() throws Exception {
        // COPY's text format gives \N (NULL), \t, \. and tabs a meaning of their own: the store must not.
        String order = "\\N";
        String customer = "C\t1\\t";
        String request = "R\\.";
        String confirmation = "CNF\r\n\"x\"\\\rZ";
        Inbox inbox = new Inbox(folder.resolve("inbox"))
                .file(D1, "orders.csv", Inbox.ORDERS_HEADER,
                        csv(order) + ",1," + csv(customer) + ",2026-11-20T10:00:00Z,\"S\tK\\U\",DEFAULT,1,10.00,0.80,"
                                + "USD,CARD,PENDING,")
                .file(D1, "cancellations.csv", Inbox.CANCELLATIONS_HEADER,
                        csv(request) + "," + csv(order) + ",," + csv(customer) + ",2026-11-20T11:00:00Z,WEBSITE,"
                                + "\"a\tb\\c\r\nd\",CONFIRMED," + csv(confirmation) + ",2026-11-20T11:05:00Z")
                .file(D1, "refunds.csv", Inbox.REFUNDS_HEADER,
                        "T\\1," + csv(order) + "," + csv(request)
                                + ",ORIGINAL_PAYMENT,10.80,USD,SETTLED,2026-11-20T12:00:00Z,2026-11-20T13:00:00Z");

        Recon.Outcome outcome = run(store(), inbox, D1);

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<String[]> requests = ledger(D1, "cancellations.csv");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).startsWith("2026-11-20", request, order, "", customer);
        assertThat(Files.readString(bundle("2026-11-20/data/ledgers/cancellations.csv")))
                .as("read as bytes: a CSV reader would turn the CR LF into LF").contains("," + csv(confirmation) + ",");
        assertThat(requests.get(1)[11]).isEqualTo("REFUNDED");
        assertThat(ledger(D1, "refunds.csv").get(1)).startsWith("2026-11-20", "T\\1", order, request, request);
    }

    @Test
    void aRefundNamingARequest_paysIt_whateverOrderTheRefundNames() throws Exception {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1)
                .file(D1, "refunds.csv", Inbox.REFUNDS_HEADER,
                        "T-1,O-2,R-1,ORIGINAL_PAYMENT,10.80,USD,SETTLED,2026-11-20T12:00:00Z,2026-11-20T13:00:00Z");

        assertThat(run(store(), inbox, D1).exitCode()).isZero();

        assertThat(ledger(D1, "cancellations.csv").get(1)[11]).isEqualTo("REFUNDED");
        assertThat(ledger(D1, "refunds.csv").get(1)).startsWith("2026-11-20", "T-1", "O-2", "R-1", "R-1");
        assertThat(ledger(D1, "exceptions.csv")).as("the header alone: T-1 is no orphan").hasSize(1);
    }

    @Test
    void anUnassignedRefund_isListedOnEveryDateUntilTheDataResolvesIt() throws Exception {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1).simpleDay(D2, 2).simpleDay(D3, 3)
                .file(D1, "refunds.csv", Inbox.REFUNDS_HEADER,
                        "T-1,O-1,R-1,ORIGINAL_PAYMENT,10.80,USD,SETTLED,2026-11-20T12:00:00Z,2026-11-20T13:00:00Z",
                        "T-9,O-9,R-9,ORIGINAL_PAYMENT,5.00,USD,SETTLED,2026-11-20T12:00:00Z,2026-11-20T13:00:00Z")
                .file(D3, "orders.csv", Inbox.ORDERS_HEADER,
                        "O-3,1,C-1,2026-11-22T10:00:00Z,SKU-1,DEFAULT,1,10.00,0.80,USD,CARD,PENDING,",
                        "O-9,1,C-1,2026-11-22T10:00:00Z,SKU-1,DEFAULT,1,5.00,0.00,USD,CARD,PENDING,")
                .file(D3, "cancellations.csv", Inbox.CANCELLATIONS_HEADER,
                        "R-3,O-3,,C-1,2026-11-22T11:00:00Z,WEBSITE,,CONFIRMED,CNF-3,2026-11-22T11:05:00Z",
                        "R-9,O-9,,C-1,2026-11-22T11:00:00Z,WEBSITE,,REQUESTED,,");

        TestStore store = store();
        for (LocalDate date : List.of(D1, D2, D3)) {
            assertThat(run(store, inbox, date).exitCode()).isZero();
        }

        for (LocalDate date : List.of(D1, D2)) {
            assertThat(ledger(date, "exceptions.csv")).as("%s", date).hasSize(2).element(1)
                    .satisfies(row -> assertThat(row).startsWith(date.toString(), "ORPHAN_REFUND", "R-9", "O-9", "T-9",
                            "5.00", "USD"));
        }
        assertThat(ledger(D3, "exceptions.csv")).as("R-9 arrived: T-9 is its money now, settled before a decision")
                .extracting(row -> row[1]).containsExactly("exception_type", "REFUND_NOT_CONFIRMED");
    }

    @Test
    void ledgerAmounts_areZeroAtTheCurrencysScale_andEmptyWhenTheOrderIsNotFound() throws Exception {
        Inbox inbox = new Inbox(folder.resolve("inbox"))
                .file(D1, "orders.csv", Inbox.ORDERS_HEADER,
                        "O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,1,1000,80,JPY,CARD,PENDING,",
                        "O-2,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,1,10.00,0.80,USD,CARD,PENDING,")
                .file(D1, "cancellations.csv", Inbox.CANCELLATIONS_HEADER,
                        "R-1,O-1,,C-1,2026-11-20T11:00:00Z,WEBSITE,,REQUESTED,,",
                        "R-2,O-2,,C-1,2026-11-20T11:00:00Z,WEBSITE,,REQUESTED,,",
                        "R-3,O-404,,C-1,2026-11-20T11:00:00Z,WEBSITE,,REQUESTED,,")
                .file(D1, "refunds.csv", Inbox.REFUNDS_HEADER);

        assertThat(run(store(), inbox, D1).exitCode()).isZero();

        List<String[]> rows = ledger(D1, "cancellations.csv");
        // policy_check, outcome, expected_refund, settled_amount, pending_amount, currency, age_hours, flagged
        assertThat(rows.get(1)).endsWith("OK", "PENDING_DECISION", "1080", "0", "0", "JPY", "13", "N");
        assertThat(rows.get(2)).endsWith("OK", "PENDING_DECISION", "10.80", "0.00", "0.00", "USD", "13", "N");
        assertThat(rows.get(3)).endsWith("", "ORDER_NOT_FOUND", "", "", "", "", "13", "N");
    }

    @Test
    void aConfirmationNumberThatTwoReceiptsShare_namesNeither_ignoringCase() throws Exception {
        Inbox inbox = new Inbox(folder.resolve("inbox")).refundedRequests(D1, List.of("CNF-1", "cnf-1", "CNF-2"));

        assertThat(run(store(), inbox, D1).exitCode()).isZero();

        try (var files = Files.list(bundle("2026-11-20/data/receipts"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .hasSize(3).contains("CNF-2.pdf").doesNotContain("CNF-1.pdf", "cnf-1.pdf")
                    .anyMatch(name -> name.matches("CNF-1-[0-9a-f]{12}\\.pdf"))
                    .anyMatch(name -> name.matches("cnf-1-[0-9a-f]{12}\\.pdf"));
        }
    }

    @Test
    void runWithoutADate_runsYesterdayInThePolicysZone() {
        // UTC+14 or UTC-12, whichever has another date than this machine's zone now (they are 26 hours apart),
        // so that a run taking yesterday in the machine's zone would fail
        ZoneId zone = ZoneId.of("Pacific/Kiritimati");
        if (LocalDate.now(zone).equals(LocalDate.now())) {
            zone = ZoneId.of("Etc/GMT+12");
        }
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(yesterday, 1);

        Recon.Outcome outcome = Recon.run(store(), "run", "--inbox=" + inbox.root(),
                "--archive=" + folder.resolve("archive"), "--recon.policy.zone=" + zone);

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains(yesterday + " completed");
    }

    private static String csv(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private List<String[]> ledger(LocalDate date, String name) throws Exception {
        try (CSVReader reader = new CSVReaderBuilder(Files.newBufferedReader(
                bundle(date + "/data/ledgers").resolve(name)))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return reader.readAll();
        }
    }

    @Test
    void statusListsRunsNewestFirst() {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1).simpleDay(D2, 2);
        assertThat(run(store, inbox, D2, "--catch-up").exitCode()).isZero();

        Recon.Outcome status = Recon.run(store, "status");

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("(?s)2026-11-21 +1 +COMPLETED .* 3 +3 +0 +1 .*\\n"
                + "2026-11-20 +1 +COMPLETED .* 3 +3 +0 +1 ");
    }

    @Test
    void aCompletedDateDoesNothing() {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        assertThat(run(store, inbox, D1).exitCode()).isZero();

        Recon.Outcome again = run(store, inbox, D1);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("2026-11-20 already completed");
        assertThat(bundle("2026-11-20.r2")).doesNotExist();
    }

    @Test
    void runningADateBeforeAnEarlierInboxDateCompleted_isRefused() {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1).simpleDay(D2, 2).simpleDay(D3, 3);
        assertThat(run(store, inbox, D1).exitCode()).isZero();

        Recon.Outcome refused = run(store, inbox, D3);

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("the earlier business date 2026-11-21 has not completed");
        assertThat(bundle("2026-11-22")).doesNotExist();
    }

    @Test
    void inboxFoldersBeforeTheStoresFirstDate_areIgnored() {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1).simpleDay(D2, 2);
        assertThat(run(store, inbox, D2).exitCode()).as("a new store starts at the date it first runs").isZero();
        Recon.Outcome before = run(store, inbox, D1);
        assertThat(before.exitCode()).isEqualTo(2);
        assertThat(before.err()).contains("before this store's first business date 2026-11-21");
    }

    @Test
    void aLateEarlierDate_isRun_withAWarning_andItsOpenRequestsAreReportedOnLaterDates() throws IOException {
        // given: D1 and D3 ran; D2's folder arrives late with a request that stays open
        TestStore store = store();
        LocalDate d4 = D1.plusDays(3);
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1).simpleDay(D3, 3);
        assertThat(run(store, inbox, D1).exitCode()).isZero();
        assertThat(run(store, inbox, D3).exitCode()).isZero();
        inbox.simpleDay(D2, 2).file(D2, "cancellations.csv", Inbox.CANCELLATIONS_HEADER,
                "R-2,O-2,,C-1,2026-11-21T11:00:00Z,WEBSITE,,REQUESTED,,");
        inbox.file(D2, "refunds.csv", Inbox.REFUNDS_HEADER);
        // when
        Recon.Outcome late = run(store, inbox, D2);
        inbox.simpleDay(d4, 4);
        Recon.Outcome next = run(store, inbox, d4);
        // then
        assertThat(late.exitCode()).isZero();
        assertThat(late.out()).contains("warning: later dates completed without this date's data (2026-11-22); "
                + "rerun them in order to include it: recon rerun --date 2026-11-22");
        assertThat(next.exitCode()).isZero();
        assertThat(Files.readString(bundle("2026-11-23/data/ledgers/cancellations.csv")))
                .contains("2026-11-23,R-2,O-2,,C-1,WEBSITE,REQUESTED,");
    }

    @Test
    void rerunningALaterDate_isRefusedWhileAnEarlierDateIsIncomplete() {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1).simpleDay(D2, 2);
        assertThat(run(store, inbox, D2, "--catch-up").exitCode()).isZero();
        inbox.file(D1, "orders.csv", Inbox.ORDERS_HEADER, "O-1,1,C-1,never,SKU-1,DEFAULT,1,10.00,0.80,USD,CARD,"
                + "PENDING,");
        assertThat(Recon.run(store, "rerun", "--date=" + D1, "--inbox=" + inbox.root(),
                "--archive=" + folder.resolve("archive")).exitCode()).isEqualTo(3);

        Recon.Outcome refused = Recon.run(store, "rerun", "--date=" + D2, "--inbox=" + inbox.root(),
                "--archive=" + folder.resolve("archive"));

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("the earlier business date 2026-11-20 has not completed");
    }

    @Test
    void anOrderKeepsTheCurrencyItArrivedWith_onLaterDatesToo() throws IOException {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        inbox.file(D1, "orders.csv", Inbox.ORDERS_HEADER,
                "O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,1,1000,80,JPY,CARD,PENDING,");
        // one reject among 20 rows stays within the 5% threshold
        java.util.List<String> rows = new java.util.ArrayList<>(fillerOrders(19));
        rows.add(0, "O-1,2,C-1,2026-11-20T10:00:00Z,SKU-2,DEFAULT,1,10.50,0,USD,CARD,PENDING,");
        inbox.file(D2, "orders.csv", Inbox.ORDERS_HEADER, rows.toArray(String[]::new));
        inbox.file(D2, "cancellations.csv", Inbox.CANCELLATIONS_HEADER);
        inbox.file(D2, "refunds.csv", Inbox.REFUNDS_HEADER);
        assertThat(run(store, inbox, D2, "--catch-up").exitCode()).isZero();
        assertThat(Files.readString(bundle("2026-11-21/data/ledgers/rejects.csv")))
                .contains("2026-11-21,orders.csv,2,MIXED_ORDER,").contains(",currency\n");
    }

    private static java.util.List<String> fillerOrders(int count) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add("F-" + i + ",1,C-9,2026-11-21T10:00:00Z,SKU-9,DEFAULT,1,1.00,0,USD,CARD,PENDING,");
        }
        return rows;
    }

    @Test
    void aFolderNamedLikeAnImpossibleDate_isNotABusinessDate() throws IOException {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        Files.createDirectories(inbox.root().resolve("2026-11-31"));
        assertThat(run(store(), inbox, D2.plusDays(10), "--catch-up").exitCode()).isZero();
        assertThat(bundle("2026-11-20")).isDirectory();
    }

    @Test
    void scheduleRunsTheCatchUpAtEachTick() {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1).simpleDay(D2, 2);
        Recon.Outcome outcome = Recon.run(store(), "schedule", "--cron=* * * * * *", "--ticks=1",
                "--inbox=" + inbox.root(), "--archive=" + folder.resolve("archive"));
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("next run at ").contains("2026-11-20 completed")
                .contains("2026-11-21 completed");
    }

    @Test
    void scheduleRefusesABadCronExpression() {
        Recon.Outcome outcome = Recon.run(store(), "schedule", "--cron=every night");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--cron 'every night'");
    }

    @Test
    void catchUpRunsEveryMissingDateInOrder() {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1).simpleDay(D2, 2).simpleDay(D3, 3);
        Recon.Outcome outcome = run(store(), inbox, D3, "--catch-up");
        assertThat(outcome.exitCode()).isZero();
        assertThat(bundle("2026-11-20")).isDirectory();
        assertThat(bundle("2026-11-21")).isDirectory();
        assertThat(bundle("2026-11-22")).isDirectory();
    }

    @Test
    void overTheRejectThreshold_exits3_andWritesNoBundle() {
        // given: 1 of 10 refund rows is bad (10% > 5%)
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        String[] refunds = new String[10];
        for (int i = 0; i < 9; i++) {
            refunds[i] = "T-" + i + ",O-1,R-1,ORIGINAL_PAYMENT,1.00,USD,PENDING,2026-11-20T12:00:00Z,";
        }
        refunds[9] = "T-9,O-1,R-1,ORIGINAL_PAYMENT,1.001,USD,PENDING,2026-11-20T12:00:00Z,";
        inbox.file(D1, "refunds.csv", Inbox.REFUNDS_HEADER, refunds);
        // when
        Recon.Outcome outcome = run(store(), inbox, D1);
        // then
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.err()).contains("refunds.csv: 1 of 10 rows rejected (10.00%), over the 5% threshold");
        assertThat(folder.resolve("archive")).satisfiesAnyOf(
                archive -> assertThat(archive).doesNotExist(),
                archive -> assertThat(archive).isEmptyDirectory());
    }

    @Test
    void atTheRejectThreshold_theRunCompletes() {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        String[] refunds = new String[20];
        for (int i = 0; i < 19; i++) {
            refunds[i] = "T-" + i + ",O-1,R-1,ORIGINAL_PAYMENT,1.00,USD,PENDING,2026-11-20T12:00:00Z,";
        }
        refunds[19] = "T-19,O-1,R-1,ORIGINAL_PAYMENT,-1.00,USD,PENDING,2026-11-20T12:00:00Z,";
        inbox.file(D1, "refunds.csv", Inbox.REFUNDS_HEADER, refunds);
        assertThat(run(store(), inbox, D1).exitCode()).as("1 of 20 is exactly 5%").isZero();
    }

    @Test
    void aFixedExportAfterAThresholdFailure_runsAfresh() throws IOException {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        inbox.file(D1, "orders.csv", Inbox.ORDERS_HEADER, "O-1,1,C-1,not-a-time,SKU-1,DEFAULT,1,10.00,0.80,USD,CARD,"
                + "PENDING,");
        assertThat(run(store, inbox, D1).exitCode()).isEqualTo(3);

        inbox.simpleDay(D1, 1);
        Recon.Outcome fixed = run(store, inbox, D1);

        assertThat(fixed.exitCode()).isZero();
        assertThat(Files.readString(bundle("2026-11-20/data/ledgers/rejects.csv")))
                .isEqualTo("business_date,file,line_number,reason,raw,field\n");
        assertThat(Files.readString(bundle("2026-11-20/data/ledgers/cancellations.csv"))).contains("REFUNDED");
    }

    @Test
    void aMissingFile_isRefusedBeforeAnythingIsWritten_unlessAllowed() throws IOException {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        Files.delete(inbox.root().resolve("2026-11-20/refunds.csv"));

        Recon.Outcome refused = run(store, inbox, D1);
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("refunds.csv is missing (use --allow-missing");

        Recon.Outcome allowed = run(store, inbox, D1, "--allow-missing");
        assertThat(allowed.exitCode()).isZero();
        assertThat(Files.readString(bundle("2026-11-20/data/ledgers/cancellations.csv")))
                .contains("AWAITING_REFUND");
    }

    @Test
    void aMissingColumn_isAWholeFileProblem() {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        inbox.file(D1, "cancellations.csv", "request_id,order_id,customer_id");
        Recon.Outcome refused = run(store(), inbox, D1);
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("2026-11-20/cancellations.csv line 1: required columns line_no, "
                + "requested_at, channel, reason, status, confirmation_number, decided_at missing from the header");
    }

    @Test
    void aTruncatedExport_stopsTheRunNamingFileAndLine() {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        inbox.file(D1, "cancellations.csv", Inbox.CANCELLATIONS_HEADER,
                "R-1,O-1,,C-1,2026-11-20T11:00:00Z,WEBSITE,\"cut off here");
        Recon.Outcome failed = run(store(), inbox, D1);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err()).contains("cancellations.csv line 2: a quoted field is not terminated");
        assertThat(bundle("2026-11-20")).doesNotExist();
    }

    @Test
    void aBareCrBetweenTwoRefunds_stopsTheRunNamingFileAndLine_insteadOfLosingARefund() throws IOException {
        // issue 15's refunds.csv: 93 refunds with an extra trailing column, a bare CR between two of them; the
        // second used to vanish into the first's ignored fields (92 read, 92 accepted, 0 rejected)
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 93; i++) {
            numbers.add("CNF-" + i);
        }
        Inbox inbox = new Inbox(folder.resolve("inbox")).refundedRequests(D1, numbers);
        Path refunds = inbox.root().resolve(D1 + "/refunds.csv");
        List<String> lines = Files.readAllLines(refunds);
        StringBuilder text = new StringBuilder(lines.get(0)).append(",note\n");
        for (int i = 1; i < lines.size(); i++) {
            text.append(lines.get(i)).append(",n").append(i == 47 ? "\r" : "\n");
        }
        Files.writeString(refunds, text);

        Recon.Outcome refused = run(store(), inbox, D1);

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("refunds.csv line 48: a carriage return (CR) outside quotes that does not "
                + "end a CRLF line ending");
        assertThat(bundle("2026-11-20")).doesNotExist();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void anInputThatIsADeviceOrANamedPipe_isRefusedInOneLine_beforeAnythingIsReadOrWritten() throws Exception {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        Path orders = inbox.root().resolve(D1 + "/orders.csv");
        Files.delete(orders);
        assertThat(new ProcessBuilder("mkfifo", orders.toString()).start().waitFor()).isZero();

        Recon.Outcome pipe = run(store, inbox, D1);

        assertThat(pipe.exitCode()).isEqualTo(3);
        assertThat(pipe.err().strip()).isEqualTo("recon: 2026-11-20/orders.csv: not a regular file (a device, a named pipe "
                + "or a folder?); recon reads only regular files");
        assertThat(Recon.run(store, "status").out()).doesNotContain("2026-11-20");

        Files.delete(orders);
        inbox.simpleDay(D1, 1);
        Path refunds = inbox.root().resolve(D1 + "/refunds.csv");
        Files.delete(refunds);
        Files.createSymbolicLink(refunds, Path.of("/dev/zero"));

        Recon.Outcome zero = run(store, inbox, D1, "--allow-missing");

        assertThat(zero.exitCode()).isEqualTo(3);
        assertThat(zero.err()).contains("2026-11-20/refunds.csv: not a regular file").doesNotContain("\tat ");
        assertThat(folder.resolve("archive")).doesNotExist();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void restartingARunWhoseInputBecameADevice_isRefused_beforeTheInputIsHashed() throws Exception {
        // a failed run to restart: a file where its staging folder goes (job instance 1 of a new store), so
        // the ledgers cannot be written
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        Path archive = Files.createDirectories(folder.resolve("archive"));
        Files.writeString(archive.resolve("." + D1 + ".run-1.partial"), "");
        assertThat(Recon.run(store, "run", "--date=" + D1, "--inbox=" + inbox.root(), "--archive=" + archive)
                .exitCode()).isEqualTo(1);
        Path refunds = inbox.root().resolve(D1 + "/refunds.csv");
        Files.delete(refunds);
        Files.createSymbolicLink(refunds, Path.of("/dev/zero"));

        Recon.Outcome restarted = Recon.run(store, "restart", "--date=" + D1);

        assertThat(restarted.exitCode()).isEqualTo(3);
        assertThat(restarted.err()).contains("2026-11-20/refunds.csv: not a regular file");
    }

    @Test
    void aFileReadInPartitions_reportsItsFirstProblem_asOneReaderWould() throws IOException {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        String[] rows = new String[200];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "R-" + i + ",O-1,,C-1,2026-11-20T11:00:00Z,WEBSITE,\"a reason,\nover two lines\",REQUESTED,,";
        }
        rows[120] = rows[120].replace("WEBSITE", "WEB#SITE");
        rows[199] = "R-x,O-1,,C-1,2026-11-20T11:00:00Z,WEBSITE,\"cut off here";
        inbox.file(D1, "cancellations.csv", Inbox.CANCELLATIONS_HEADER, rows);
        Path file = inbox.root().resolve(D1.toString()).resolve("cancellations.csv");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                bytes[i] = (byte) 0xC3;   // the first byte of a two-byte sequence, alone: not UTF-8
            }
        }
        Files.write(file, bytes);

        Recon.Outcome failed = run(store(), inbox, D1, "--recon.partitions=4", "--recon.partition.min-file-bytes=256");

        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err()).as("line 2 + 2 x 120: the bad byte, not the truncation at the end of a later range")
                .contains("cancellations.csv line 242: bytes that are not valid UTF-8");
        assertThat(bundle("2026-11-20")).doesNotExist();
    }

    @Test
    void aMalformedDate_isBadUsage() {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        Recon.Outcome outcome = Recon.run(store(), "run", "--date=2026-13-01", "--inbox=" + inbox.root());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Invalid value for option '--date'");
    }

    @Test
    void rerunWritesTheNextRevision_andLeavesTheFirstUntouched() throws IOException {
        TestStore store = store();
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        assertThat(run(store, inbox, D1).exitCode()).isZero();
        String first = Files.readString(bundle("2026-11-20/data/ledgers/cancellations.csv"));

        Recon.Outcome rerun = Recon.run(store, "rerun", "--date=" + D1, "--inbox=" + inbox.root(),
                "--archive=" + folder.resolve("archive"));

        assertThat(rerun.exitCode()).isZero();
        assertThat(Files.readString(bundle("2026-11-20.r2/data/ledgers/cancellations.csv"))).isEqualTo(first);
        assertThat(Files.readString(bundle("2026-11-20/data/ledgers/cancellations.csv"))).isEqualTo(first);
    }

    @Test
    void aQuietRun_printsTheResultAlone_withoutWarningsFromTheFramework() {
        // Spring Batch warned at every start that a @StepScope reader was declared as an interface
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);

        Recon.Outcome outcome = Recon.run(store(), "run", "--quiet", "--date=" + D1, "--inbox=" + inbox.root(),
                "--archive=" + folder.resolve("archive"));

        assertThat(outcome.exitCode()).isZero();
        assertThat((outcome.out() + outcome.err()).lines())
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("is an interface"));
    }
}
