package com.retail.recon.nightly;

import com.retail.recon.ledger.Ledger;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed at any point (a separate JVM halted like kill -9, mid-transaction) is continued by
 * {@code restart} and ends with the same ledgers as an uninterrupted run, no duplicated rows, and no partial
 * bundle under the final path. Uses the sample inbox's first date, whose expected ledgers are known.
 */
class CrashRestartTests {

    private static final Path INBOX = Path.of("sample-data", "inbox");
    private static final Path EXPECTED = Path.of("sample-data", "expected", "2026-11-20");
    private static final String DATE = "2026-11-20";

    @TempDir
    Path folder;

    static Stream<Arguments> killPoints() {
        List<Named<Function<Path, TestStore>>> stores = List.of(
                Named.of("H2", TestStore::h2), Named.of("PostgreSQL", ignored -> TestStore.postgres()));
        List<String[]> points = List.of(
                new String[]{"ingest-orders", "5"},
                new String[]{"ingest-refunds", "2"},
                new String[]{"reconcile", "2"},
                new String[]{"unassigned-refunds", "1"},
                new String[]{"ledger-cancellations", "2"},
                new String[]{"receipts", "2"},
                new String[]{"publish-bundle", "1"});
        return stores.stream().flatMap(store -> points.stream().map(p -> Arguments.of(store, p[0], p[1])));
    }

    @ParameterizedTest(name = "{0}: killed in {1} at write {2}")
    @MethodSource("killPoints")
    void aRunKilledMidStepIsRestartedToTheSameLedgers(Function<Path, TestStore> kind, String step, String write)
            throws Exception {
        TestStore store = kind.apply(folder);
        Path archive = folder.resolve("archive");

        int killed = SeparateJvm.run(store, folder.resolve("killed.log"), "run", "--date=" + DATE,
                "--inbox=" + INBOX, "--archive=" + archive, "--recon.chunk-size=4",
                // two partitions, and files split even though they are small: a restart must resume each
                "--recon.partitions=2", "--recon.partition.min-file-bytes=256",
                "--recon.fault.halt-step=" + step, "--recon.fault.halt-at-write=" + write);
        assertThat(killed).as(Files.readString(folder.resolve("killed.log"))).isEqualTo(137);
        if (!step.equals("publish-bundle")) {
            assertThat(archive.resolve(DATE)).as("no bundle before the run completes").doesNotExist();
        }

        assertThat(Recon.run(store, "status", "--date=" + DATE).out()).contains("INTERRUPTED");

        // without the partition settings of the killed run: a restart must resume the partitions it made
        Recon.Outcome restarted = Recon.run(store, "restart", "--date=" + DATE);

        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        for (Ledger ledger : Ledger.values()) {
            assertThat(Files.readString(archive.resolve(DATE).resolve("data/ledgers").resolve(ledger.fileName())))
                    .as(ledger.fileName()).isEqualTo(Files.readString(EXPECTED.resolve(ledger.fileName())));
        }
        assertThat(listing(archive)).as("one bundle and its run.json, no partial folder left")
                .containsExactly(DATE, DATE + ".run.json");
        assertThat(com.retail.recon.archive.BagVerifier.verify(archive.resolve(DATE))).isEmpty();
        assertThat(listing(archive.resolve(DATE).resolve("data/receipts"))).hasSize(4);
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM order_line", Long.class))
                .as("each accepted order line stored once").isEqualTo(60L);
        assertThat(store.jdbc().queryForObject("SELECT SUM(rows_read) FROM ingest_count", Long.class))
                .isEqualTo(63L + 16 + 9);
        assertThat(Recon.run(store, "status", "--date=" + DATE).out())
                .containsPattern("2026-11-20 +1 +COMPLETED .* 88 +85 +3 +16 +" + archive.resolve(DATE))
                .containsPattern("2026-11-20 +1 +FAILED");
    }

    /**
     * A clean run finds duplicate keys and mixed orders with the screen it fills while ingesting; a restarted
     * ingest did not see every row, so the store is asked instead. Both give the same ledgers. The sample's
     * 2026-11-23 has a DUPLICATE_KEY and a MIXED_ORDER row (a store's history starts at its first date).
     */
    @Test
    void aRunKilledInTheOrdersIngest_findsDuplicatesAndMixedOrdersThroughTheStore_likeACleanRun() throws Exception {
        String date = "2026-11-23";
        List<String> partitioning = List.of("--recon.partitions=2", "--recon.partition.min-file-bytes=256");
        TestStore clean = TestStore.h2(folder.resolve("clean"));
        Path cleanArchive = folder.resolve("clean-archive");
        List<String> cleanRun = new java.util.ArrayList<>(List.of("run", "--date=" + date, "--inbox=" + INBOX,
                "--archive=" + cleanArchive));
        cleanRun.addAll(partitioning);
        Recon.Outcome cleanOutcome = Recon.run(clean, cleanRun.toArray(String[]::new));
        assertThat(cleanOutcome.exitCode()).isZero();
        assertThat(cleanOutcome.out() + cleanOutcome.err()).as("the clean run used its screen")
                .doesNotContain("the store is asked");

        TestStore store = TestStore.h2(folder.resolve("killed"));
        Path archive = folder.resolve("archive");
        assertThat(SeparateJvm.run(store, folder.resolve("killed.log"), "run", "--date=" + date, "--inbox=" + INBOX,
                "--archive=" + archive, "--recon.chunk-size=4", partitioning.get(0), partitioning.get(1),
                "--recon.fault.halt-step=ingest-orders", "--recon.fault.halt-at-write=3")).isEqualTo(137);

        Recon.Outcome restarted = Recon.run(store, "restart", "--date=" + date);

        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(restarted.out() + restarted.err()).contains("the store is asked for [orders.csv");
        for (Ledger ledger : Ledger.values()) {
            assertThat(Files.readString(archive.resolve(date).resolve("data/ledgers").resolve(ledger.fileName())))
                    .as(ledger.fileName()).isEqualTo(Files.readString(
                            cleanArchive.resolve(date).resolve("data/ledgers").resolve(ledger.fileName())));
        }
        assertThat(Files.readString(archive.resolve(date).resolve("data/ledgers/rejects.csv")))
                .contains(",orders.csv,36,DUPLICATE_KEY,").contains(",orders.csv,49,MIXED_ORDER,");
    }

    @Test
    void aStagingFolderChangedBeforeTheRestart_isNotPublished_andARerunRecovers() throws Exception {
        TestStore store = TestStore.h2(folder);
        Path archive = folder.resolve("archive");
        assertThat(SeparateJvm.run(store, folder.resolve("killed.log"), "run", "--date=" + DATE, "--inbox=" + INBOX,
                "--archive=" + archive, "--recon.chunk-size=4", "--recon.fault.halt-step=receipts",
                "--recon.fault.halt-at-write=2")).isEqualTo(137);
        Path staging;
        try (Stream<Path> entries = Files.list(archive)) {
            staging = entries.filter(p -> p.getFileName().toString().endsWith(".partial")).findFirst().orElseThrow();
        }
        Files.delete(staging.resolve("data/ledgers/rejects.csv"));

        Recon.Outcome restarted = Recon.run(store, "restart", "--date=" + DATE);

        assertThat(restarted.exitCode()).isEqualTo(1);
        assertThat(restarted.err()).contains("is incomplete").contains("data/ledgers/rejects.csv")
                .contains("recon rerun --date " + DATE);
        assertThat(archive.resolve(DATE)).doesNotExist();

        Recon.Outcome rerun = Recon.run(store, "rerun", "--date=" + DATE, "--inbox=" + INBOX, "--archive=" + archive);

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(com.retail.recon.archive.BagVerifier.verify(archive.resolve(DATE))).isEmpty();
        assertThat(Files.readString(archive.resolve(DATE).resolve("data/ledgers/rejects.csv")))
                .isEqualTo(Files.readString(EXPECTED.resolve("rejects.csv")));
        assertThat(listing(archive)).as("the abandoned attempt's staging folder is gone")
                .containsExactly(DATE, DATE + ".run.json");
    }

    @Test
    void aSecondRunOfTheSameDate_exitsPromptlyWhileTheFirstRuns() throws Exception {
        TestStore store = TestStore.postgres();
        Path archive = folder.resolve("archive");
        Process first = SeparateJvm.start(store, folder.resolve("first.log"), "run", "--date=" + DATE,
                "--inbox=" + INBOX, "--archive=" + archive,
                "--recon.fault.pause-step=reconcile", "--recon.fault.pause-millis=120000",
                "--recon.fault.pause-until=" + folder.resolve("release"));
        waitForLine(folder.resolve("first.log"), "orders to reconcile");

        int second = SeparateJvm.run(store, folder.resolve("second.log"), "run", "--date=" + DATE,
                "--inbox=" + INBOX, "--archive=" + archive);
        Files.createFile(folder.resolve("release"));

        assertThat(second).isEqualTo(2);
        assertThat(Files.readString(folder.resolve("second.log")))
                .contains("another run of 2026-11-20 is in progress");
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(listing(archive)).containsExactly(DATE, DATE + ".run.json");
    }

    @Test
    void onTheEmbeddedStore_aSecondProcessIsRefused_whenTheUrlHasNoAutoServer() throws Exception {
        TestStore store = TestStore.h2(folder); // without AUTO_SERVER=TRUE (the default URL has it: SharedStoreTests)
        Path archive = folder.resolve("archive");
        Process first = SeparateJvm.start(store, folder.resolve("first.log"), "run", "--date=" + DATE,
                "--inbox=" + INBOX, "--archive=" + archive,
                "--recon.fault.pause-step=reconcile", "--recon.fault.pause-millis=120000",
                "--recon.fault.pause-until=" + folder.resolve("release"));
        waitForLine(folder.resolve("first.log"), "orders to reconcile");

        int second = SeparateJvm.run(store, folder.resolve("second.log"), "status");
        Files.createFile(folder.resolve("release"));

        assertThat(second).isEqualTo(2);
        assertThat(Files.readString(folder.resolve("second.log")))
                .contains("the embedded store is in use by another process and this URL cannot share it");
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
    }

    private static void waitForLine(Path log, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never logged '" + text + "'");
    }

    private static List<String> listing(Path archive) throws IOException {
        try (Stream<Path> entries = Files.list(archive)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
