package com.retail.recon.archive;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run publishes only beside bundles it recognises as this store's: anything else at {@code <archive>/<D>} or
 * {@code <D>.r<N>} stops it (exit 2, nothing recorded), instead of a quiet {@code <D>.r2} with Revision 2.
 */
class ForeignBundlePathTests {

    private static final Path SAMPLE = Path.of("sample-data", "inbox");
    private static final String FIRST = "2026-11-20";
    private static final String NEXT = "2026-11-21";

    @TempDir
    Path folder;

    private TestStore store;
    private Path inbox;
    private Path archive;

    @BeforeEach
    void runTheFirstDate() throws IOException {
        store = TestStore.h2(folder);
        inbox = folder.resolve("inbox");
        for (String date : List.of(FIRST, NEXT)) {
            Files.createDirectories(inbox.resolve(date));
            try (Stream<Path> files = Files.list(SAMPLE.resolve(date))) {
                for (Path file : files.toList()) {
                    Files.copy(file, inbox.resolve(date).resolve(file.getFileName()));
                }
            }
        }
        archive = folder.resolve("archive");
        assertThat(run("run", FIRST).exitCode()).isZero();
    }

    /** Something put at a bundle path of the next date, and the reason the refusal gives. */
    record Squatter(String name, String at, Setup setup, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Setup {
        void put(ForeignBundlePathTests test, Path at) throws Exception;
    }

    static Stream<Squatter> squatters() {
        return Stream.of(
                new Squatter("an audit export", NEXT, ForeignBundlePathTests::exportTo,
                        "bag-info.txt says Business-Date [2026-11-20]"),
                new Squatter("an empty folder", NEXT, (t, at) -> Files.createDirectories(at), "it has no bag-info.txt"),
                new Squatter("a file", NEXT, (t, at) -> Files.writeString(at, "x"), "not a folder"),
                new Squatter("a symbolic link to a bundle of the date made elsewhere", NEXT, (t, at) ->
                        Files.createSymbolicLink(at, t.folder.resolve("elsewhere")), "a symbolic link"),
                new Squatter("a copy of another date's bundle", NEXT, (t, at) -> t.copyBundle(FIRST, at),
                        "bag-info.txt says Business-Date [2026-11-20]"),
                new Squatter("a copy of another date's bundle with the date edited", NEXT, (t, at) -> {
                    t.copyBundle(FIRST, at);
                    Path info = at.resolve("bag-info.txt");
                    Files.writeString(info, Files.readString(info).replace(FIRST, NEXT));
                }, "its Run-Id [nightlyReconciliation/1] is none of this store's runs of 2026-11-21"),
                new Squatter("a folder at the next revision's path", NEXT + ".r2",
                        (t, at) -> Files.createDirectories(at), "it has no bag-info.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("squatters")
    void somethingAtABundlePathOfTheDate_stopsItsRun_beforeAnythingIsRecorded(Squatter squatter) throws Exception {
        Path at = archive.resolve(squatter.at());
        squatter.setup().put(this, at);
        List<String> before = listing(archive);

        Recon.Outcome refused = run("run", NEXT);

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains(at + " is not a bundle recon published for " + NEXT)
                .contains(squatter.why()).contains("move it out of the archive");
        assertThat(listing(archive)).isEqualTo(before);
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM business_day WHERE business_date = ?",
                Integer.class, java.sql.Date.valueOf(NEXT))).as("recorded as a business date").isZero();

        moveAway(at);
        assertThat(run("run", NEXT).exitCode()).isZero();
        assertThat(BagIt.readInfo(archive.resolve(NEXT)).get("Revision")).containsExactly("1");
        assertThat(BagVerifier.verify(archive.resolve(NEXT))).isEmpty();
    }

    @Test
    void aRerun_refusesAForeignFolderBesideTheBundles_andLeavesTheDateCompleted() throws Exception {
        Path squatter = Files.createDirectories(archive.resolve(FIRST + ".r3"));
        Files.writeString(squatter.resolve("bag-info.txt"), "Business-Date: " + FIRST + "\nRevision: 3\n");

        Recon.Outcome refused = run("rerun", FIRST);

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains(squatter + " is not a bundle recon published for " + FIRST);
        assertThat(store.jdbc().queryForObject("SELECT completed FROM business_day WHERE business_date = ?",
                Boolean.class, java.sql.Date.valueOf(FIRST))).isTrue();
        assertThat(archive.resolve(FIRST + ".r2")).doesNotExist();

        moveAway(squatter);
        assertThat(run("rerun", FIRST).exitCode()).isZero();
        assertThat(BagIt.readInfo(archive.resolve(FIRST + ".r2")).get("Revision")).containsExactly("2");
    }

    @Test
    void aRerun_takesTheRevisionAfterTheHighest_evenWhenAnEarlierOneWasRemoved() throws Exception {
        assertThat(run("rerun", FIRST).exitCode()).isZero();
        assertThat(run("rerun", FIRST).exitCode()).isZero();
        moveAway(archive.resolve(FIRST + ".r2"));

        assertThat(run("rerun", FIRST).exitCode()).isZero();

        assertThat(archive.resolve(FIRST + ".r2")).doesNotExist();
        assertThat(BagIt.readInfo(archive.resolve(FIRST + ".r4")).get("Revision")).containsExactly("4");
    }

    @Test
    void aFolderPutThereWhileTheDateRuns_failsThePublishStep_andARestartPublishesOnceItIsGone() throws Exception {
        CompletableFuture<Recon.Outcome> running = CompletableFuture.supplyAsync(() -> run("run", NEXT,
                "--recon.fault.pause-step=ledger-cancellations", "--recon.fault.pause-millis=120000",
                "--recon.fault.pause-until=" + archive.resolveSibling("release")));
        Path squatter = archive.resolve(NEXT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!stagingOf(NEXT) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        copyBundle(FIRST, squatter); // not through recon: the job's command line is running in this JVM
        Files.createFile(archive.resolveSibling("release"));
        Recon.Outcome failed = running.get(120, TimeUnit.SECONDS);

        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains(squatter + " is not a bundle recon published for " + NEXT);
        assertThat(archive.resolve(NEXT + ".r2")).doesNotExist();

        Recon.Outcome stillThere = Recon.run(store, "restart", "--date=" + NEXT);
        assertThat(stillThere.exitCode()).isEqualTo(2);
        assertThat(stillThere.err()).contains("move it out of the archive");

        // nor does run with changed inputs abandon the failed attempt (and delete its staging folder) first
        Path refunds = inbox.resolve(NEXT).resolve("refunds.csv");
        byte[] original = Files.readAllBytes(refunds);
        Files.writeString(refunds, "\n", java.nio.file.StandardOpenOption.APPEND);
        Recon.Outcome changed = run("run", NEXT);
        assertThat(changed.exitCode()).as(changed.err()).isEqualTo(2);
        assertThat(stagingOf(NEXT)).isTrue();
        Files.write(refunds, original);

        moveAway(squatter);
        assertThat(Recon.run(store, "restart", "--date=" + NEXT).exitCode()).isZero();
        assertThat(BagVerifier.verify(archive.resolve(NEXT))).isEmpty();
        assertThat(BagIt.readInfo(archive.resolve(NEXT)).get("Revision")).containsExactly("1");
    }

    // --- tools ---

    private Recon.Outcome run(String command, String date, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, "--date=" + date, "--inbox=" + inbox,
                "--archive=" + archive));
        args.addAll(List.of(more));
        return Recon.run(store, args.toArray(String[]::new));
    }

    /** An audit export of the first date, written outside the archive and moved to {@code at}. */
    private static void exportTo(ForeignBundlePathTests test, Path at) throws IOException {
        Path out = test.folder.resolve("export-" + System.nanoTime());
        assertThat(Recon.run(test.store, "export", "--from=" + FIRST, "--to=" + FIRST, "--out=" + out).exitCode())
                .isZero();
        Files.move(out, at);
    }

    private void copyBundle(String date, Path to) throws IOException {
        Path from = archive.resolve(date);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private void moveAway(Path path) throws IOException {
        Files.move(path, folder.resolve("moved-away-" + path.getFileName()));
    }

    private boolean stagingOf(String date) throws IOException {
        try (Stream<Path> entries = Files.list(archive)) {
            return entries.anyMatch(entry -> entry.getFileName().toString().startsWith("." + date + ".run-"));
        }
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(path -> root.relativize(path).toString()).sorted(Comparator.naturalOrder()).toList();
        }
    }
}
