package com.retail.recon.generate;

import com.retail.recon.ingest.CsvRecord;
import com.retail.recon.ingest.CsvRecordReader;
import com.retail.recon.domain.InputFile;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.Outcome;
import com.retail.recon.reconcile.PolicyCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic inbox: determinism, sizes, format, and a generated inbox run through the real job. */
class GeneratorTests {

    private static final LocalDate FROM = GeneratorSettings.DEFAULT_FROM;

    @TempDir
    Path folder;

    private List<InboxGenerator.DayResult> generate(Path out, int days, long orderLines, long seed,
                                                    double rejectPercent) {
        return generate(out, days, orderLines, seed, rejectPercent, GeneratorSettings.DEFAULT_REQUEST_PERCENT);
    }

    private List<InboxGenerator.DayResult> generate(Path out, int days, long orderLines, long seed,
                                                    double rejectPercent, int requestPercent) {
        return new InboxGenerator(new GeneratorSettings(FROM, days, orderLines, seed, rejectPercent, requestPercent))
                .generate(out);
    }

    @Test
    void theSameSettingsGiveIdenticalBytes() throws IOException {
        generate(folder.resolve("a"), 3, 5_000, 7, 0.5);
        generate(folder.resolve("b"), 3, 5_000, 7, 0.5);

        for (String file : allFiles(3)) {
            assertThat(Files.readAllBytes(folder.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(folder.resolve("a").resolve(file)));
        }
    }

    @Test
    void aDayIsTheSameWhateverTheNumberOfDaysAfterIt() throws IOException {
        generate(folder.resolve("one"), 1, 5_000, 7, 0.5);
        generate(folder.resolve("three"), 3, 5_000, 7, 0.5);

        for (InputFile file : InputFile.values()) {
            String path = FROM + "/" + file.fileName();
            assertThat(Files.readAllBytes(folder.resolve("three").resolve(path))).as(path)
                    .isEqualTo(Files.readAllBytes(folder.resolve("one").resolve(path)));
        }
    }

    @Test
    void aDifferentSeedGivesDifferentData() throws IOException {
        generate(folder.resolve("a"), 1, 5_000, 7, 0.5);
        generate(folder.resolve("b"), 1, 5_000, 8, 0.5);

        for (String file : allFiles(1)) {
            assertThat(Files.readAllBytes(folder.resolve("b").resolve(file))).as(file)
                    .isNotEqualTo(Files.readAllBytes(folder.resolve("a").resolve(file)));
        }
    }

    @Test
    void everyDayHasTheRequestedOrderLines_andProportionsLikeARealShop() throws IOException {
        List<InboxGenerator.DayResult> days = generate(folder, 3, 20_000, 42, 1.0);

        assertThat(days).extracting(InboxGenerator.DayResult::date)
                .containsExactly(FROM, FROM.plusDays(1), FROM.plusDays(2));
        for (InboxGenerator.DayResult day : days) {
            Path dir = folder.resolve(day.date().toString());
            List<CsvRecord> orders = records(dir.resolve("orders.csv"));
            List<CsvRecord> requests = records(dir.resolve("cancellations.csv"));
            List<CsvRecord> refunds = records(dir.resolve("refunds.csv"));
            assertThat(orders).as("orders.csv rows of %s", day.date()).hasSize(20_000);
            assertThat(day.orderRows()).isEqualTo(20_000);
            assertThat(day.cancellationRows()).isEqualTo(requests.size());
            assertThat(day.refundRows()).isEqualTo(refunds.size());

            long distinctOrders = orders.stream().map(r -> r.fields()[0]).distinct().count();
            assertThat(20_000.0 / distinctOrders).as("lines per order").isBetween(2.3, 2.7);
            assertThat((double) requests.size() / distinctOrders).as("requests per order").isBetween(0.08, 0.13);
            assertThat((double) refunds.size() / requests.size()).as("refunds per request").isBetween(1.0, 1.25);
            long rows = orders.size() + requests.size() + refunds.size();
            assertThat((double) day.defectiveRows() / rows).as("share of invalid rows").isBetween(0.005, 0.01);
        }
    }

    /** The scale issue's night: 1,000,000 order lines with 100,000 requests and 110,000 refunds. */
    @Test
    void theRequestShareSetsRequestsPerOrder_andRefundsFollowThem() throws IOException {
        InboxGenerator.DayResult day = generate(folder, 1, 40_000, 42, 0.5, 25).get(0);

        List<CsvRecord> orders = records(folder.resolve(day.date() + "/orders.csv"));
        long distinctOrders = orders.stream().map(r -> r.fields()[0]).distinct().count();
        assertThat((double) day.cancellationRows() / distinctOrders).as("requests per order").isBetween(0.23, 0.28);
        assertThat((double) day.cancellationRows() / 40_000).as("requests per order line").isBetween(0.09, 0.11);
        assertThat((double) day.refundRows() / day.cancellationRows()).as("refunds per request")
                .isBetween(1.0, 1.25);
    }

    @Test
    void filesAreRfc4180Utf8WithLf_andHeadersInTheSpecsOrder() throws IOException {
        generate(folder, 1, 3_000, 42, 0.5);

        for (InputFile file : InputFile.values()) {
            byte[] bytes = Files.readAllBytes(folder.resolve(FROM.toString()).resolve(file.fileName()));
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).as(file.fileName()).startsWith(String.join(",", file.columns()) + "\n")
                    .doesNotContain("\r").endsWith("\n");
            assertThat(bytes[0]).as("no byte-order mark").isNotEqualTo((byte) 0xEF);
            // strict UTF-8 decoding and RFC 4180 quoting, as recon reads them
            assertThat(records(folder.resolve(FROM.toString()).resolve(file.fileName()))).isNotEmpty();
        }
        String cancellations = Files.readString(folder.resolve(FROM + "/cancellations.csv"));
        assertThat(cancellations).as("reasons exercise quoting and Unicode")
                .contains("\"Found it cheaper elsewhere, sorry\"").contains("注文を間違えました");
    }

    @Test
    void identifiersAreUnique() {
        Set<String> orders = new HashSet<>();
        Set<String> confirmations = new HashSet<>();
        for (long day = 20_000; day < 20_003; day++) {
            for (long seq = 1; seq <= 100_000; seq++) {
                orders.add(Ids.orderId(day, seq));
                confirmations.add(Ids.confirmationNumber(day, seq));
            }
        }
        assertThat(orders).hasSize(300_000);
        assertThat(confirmations).hasSize(300_000);
        assertThat(Ids.orderId(20_000, 1)).matches("11[1-9]-[0-9]{7}-[0-9]{7}");
        assertThat(Ids.confirmationNumber(20_000, 1)).matches("CNF-[0-9A-F]{12}");
    }

    @Test
    void instantsAndAmountsAreFormattedAsJavaTimeAndTheSpecSay() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            long second = rnd.nextLong(946_684_800L, 7_258_118_400L);
            int offset = Catalog.OFFSETS[rnd.nextInt(Catalog.OFFSETS.length)] * (i % 2);
            StringBuilder b = new StringBuilder();
            CsvSink.appendInstant(b, second, offset);
            assertThat(b.toString()).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    Instant.ofEpochSecond(second).atOffset(ZoneOffset.ofTotalSeconds(offset * 60))));
        }
        StringBuilder b = new StringBuilder();
        CsvSink.appendAmount(b, 5, 2);
        b.append(' ');
        CsvSink.appendAmount(b, 129_999, 2);
        b.append(' ');
        CsvSink.appendAmount(b, 1853, 0);
        assertThat(b.toString()).isEqualTo("0.05 1299.99 1853");
    }

    /**
     * Two days of 10,000 order lines each, at the highest reject share, through the real nightly job:
     * both dates complete (no file over the threshold), and each date's ledgers show every outcome,
     * every policy check and every finance exception.
     */
    @Test
    void aGeneratedInboxRunsThroughTheJob_withEveryOutcomeOnEveryDay() throws IOException {
        Path inbox = folder.resolve("inbox");
        Path archive = folder.resolve("archive");
        generate(inbox, 2, 10_000, 42, GeneratorSettings.MAX_REJECT_PERCENT);

        Recon.Outcome run = Recon.run(TestStore.h2(folder), "run", "--date=" + FROM.plusDays(1),
                "--inbox=" + inbox, "--archive=" + archive, "--catch-up",
                "--logging.level.com.retail.recon=WARN");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(FROM + " completed").contains(FROM.plusDays(1) + " completed");
        for (LocalDate date : List.of(FROM, FROM.plusDays(1))) {
            Path ledgers = archive.resolve(date.toString()).resolve("data/ledgers");
            assertThat(column(ledgers.resolve("cancellations.csv"), "outcome")).as("outcomes on %s", date)
                    .containsExactlyElementsOf(names(Outcome.values()));
            Set<String> policyChecks = new TreeSet<>(names(PolicyCheck.values()));
            policyChecks.add("");
            assertThat(column(ledgers.resolve("cancellations.csv"), "policy_check")).as("policy checks on %s", date)
                    .containsExactlyElementsOf(policyChecks);
            assertThat(column(ledgers.resolve("exceptions.csv"), "exception_type")).as("exceptions on %s", date)
                    .containsExactlyElementsOf(names(FinanceException.ExceptionType.values()));
            assertThat(records(ledgers.resolve("rejects.csv"))).as("rejects on %s", date).isNotEmpty();
        }
    }

    @Test
    void theCommandLineWritesTheInbox_withoutStartingTheStore() throws IOException {
        TestStore store = TestStore.h2(folder);
        Path out = folder.resolve("inbox");

        Recon.Outcome outcome = Recon.run(store, "generate", "--out", out.toString(), "--from", "2026-12-30",
                "--days", "3", "--order-lines", "500", "--seed", "9", "--reject-percent", "0");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("2026-12-30  orders.csv 500,").contains("2027-01-01  orders.csv 500,")
                .contains("generated 3 days");
        assertThat(out.resolve("2027-01-01/refunds.csv")).isRegularFile();
        assertThat(folder.resolve("store.mv.db")).as("no store was opened").doesNotExist();
    }

    @Test
    void theCommandLineRefusesARejectShareThatWouldFailTheRuns() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "generate", "--out", folder.toString(),
                "--reject-percent", "5");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("reject percent must be between 0 and 4.0");
    }

    @Test
    void theCommandLineRefusesARequestShareOutOfRange() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "generate", "--out", folder.toString(),
                "--request-percent", "95");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("request percent must be between 1 and 90");
    }

    @Test
    void theCommandLineExplainsItself() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "generate", "--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("--out=DIR", "--from=YYYY-MM-DD", "--days=N", "--order-lines=N",
                "--seed=N", "--reject-percent=P", "byte-identical", "5% threshold", "--request-percent=P",
                "Share of orders with a cancellation request");
        assertThat(outcome.err()).isEmpty();
    }

    private static List<String> allFiles(int days) {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            for (InputFile file : InputFile.values()) {
                files.add(FROM.plusDays(i) + "/" + file.fileName());
            }
        }
        return files;
    }

    private static List<CsvRecord> records(Path file) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file)) {
            reader.next(); // header
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    /** The distinct values of one column, sorted. */
    private static Set<String> column(Path ledger, String name) throws IOException {
        Set<String> values = new TreeSet<>();
        try (CsvRecordReader reader = new CsvRecordReader(ledger)) {
            int index = Arrays.asList(reader.next().fields()).indexOf(name);
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                values.add(record.fields()[index]);
            }
        }
        return values;
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new TreeSet<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }
}
