package com.retail.recon.export;

import com.retail.recon.archive.BagVerifier;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `export --out` never writes into the archive or the inbox, nor around them: into a bundle it would break
 * it, as {@code <archive>/<D>} it would take the path of a bundle not yet written.
 */
class ExportOutTests {

    private static final String DATE = "2026-11-20";

    @TempDir
    static Path folder;

    private static TestStore store;
    private static Path archive;
    private static Path inbox;
    private static List<String> archiveBefore;

    @BeforeAll
    static void runOneDate() throws IOException {
        store = TestStore.h2(folder);
        inbox = folder.resolve("inbox");
        Files.createDirectories(inbox.resolve(DATE));
        try (Stream<Path> files = Files.list(Path.of("sample-data/inbox", DATE))) {
            for (Path file : files.toList()) {
                Files.copy(file, inbox.resolve(DATE).resolve(file.getFileName()));
            }
        }
        archive = folder.resolve("archive");
        assertThat(Recon.run(store, "run", "--date=" + DATE, "--inbox=" + inbox, "--archive=" + archive).exitCode())
                .isZero();
        archiveBefore = listing(archive);
        Files.createDirectories(folder.resolve("elsewhere/deeper"));
        Files.createSymbolicLink(folder.resolve("to-archive"), archive);
        Files.createSymbolicLink(folder.resolve("to-deeper"), folder.resolve("elsewhere/deeper"));
    }

    /** A way to name a place --out must not be, and the message's words. */
    record Refusal(String name, String out, List<String> settings, String message) {
        @Override
        public String toString() {
            return name;
        }

        Path outPath() {
            return Path.of(out.replace("{folder}", folder.toString())
                    .replace("{relative}", Path.of("").toAbsolutePath().relativize(folder).toString()));
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("into a bundle", "{folder}/archive/2026-11-20/data/audit", List.of(), "is inside the archive"),
                new Refusal("as the bundle of a later date", "{folder}/archive/2026-11-21", List.of(),
                        "is inside the archive"),
                new Refusal("as a later revision", "{folder}/archive/2026-11-20.r2", List.of(), "is inside the archive"),
                new Refusal("as a staging folder", "{folder}/archive/.2026-11-21.run-9.partial", List.of(),
                        "is inside the archive"),
                new Refusal("relative", "{relative}/archive/2026-11-22", List.of(), "is inside the archive"),
                new Refusal("with '..'", "{folder}/inbox/../archive/2026-11-22", List.of(), "is inside the archive"),
                new Refusal("with a '..' part not yet there", "{folder}/archive/new/../2026-11-22", List.of(),
                        "is inside the archive"),
                new Refusal("through a symbolic link", "{folder}/to-archive/2026-11-22", List.of(),
                        "is inside the archive"),
                new Refusal("'..' after a symbolic link", "{folder}/to-deeper/../../archive/2026-11-22", List.of(),
                        "is inside the archive"),
                new Refusal("into the inbox", "{folder}/inbox/2026-11-21", List.of(), "is inside the inbox"),
                new Refusal("into the configured archive, not yet made", "{folder}/later-archive/2026-11-20",
                        List.of("--recon.archive={folder}/later-archive"), "is inside the archive"),
                new Refusal("as the configured archive, not yet made", "{folder}/later-archive",
                        List.of("--recon.archive={folder}/later-archive"), "is the archive"),
                new Refusal("around the configured archive, not yet made", "{folder}/later",
                        List.of("--recon.archive={folder}/later/archive"), "would hold the archive"),
                new Refusal("around the configured inbox, not yet made", "{folder}/later",
                        List.of("--recon.inbox={folder}/later/inbox"), "would hold the inbox"),
                new Refusal("as the archive", "{folder}/archive", List.of(), "already exists"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void anExportIntoOrAroundTheArchiveOrTheInbox_isRefused_andWritesNothing(Refusal refusal) throws IOException {
        List<String> args = new ArrayList<>(List.of("export", "--from=" + DATE, "--to=" + DATE,
                "--out=" + refusal.outPath()));
        refusal.settings().forEach(setting -> args.add(setting.replace("{folder}", folder.toString())));

        Recon.Outcome outcome = Recon.run(store, args.toArray(String[]::new));

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).contains("--out " + refusal.outPath()).contains(refusal.message());
        assertThat(listing(archive)).isEqualTo(archiveBefore);
        assertThat(Files.exists(refusal.outPath())).as("the export was written")
                .isEqualTo(refusal.message().equals("already exists"));
        assertThat(listing(inbox)).containsExactly(DATE, DATE + "/cancellations.csv", DATE + "/orders.csv",
                DATE + "/refunds.csv");
        assertThat(folder.resolve("later")).doesNotExist();
        assertThat(folder.resolve("later-archive")).doesNotExist();
    }

    @Test
    void anExportBesideTheArchive_isWritten() throws IOException {
        Path out = folder.resolve("audit");
        assertThat(Recon.run(store, "export", "--from=" + DATE, "--to=" + DATE, "--out=" + out).exitCode()).isZero();
        assertThat(BagVerifier.verify(out)).isEmpty();
    }

    @AfterEach
    void theBundleIsIntact() throws IOException {
        assertThat(BagVerifier.verify(archive.resolve(DATE))).isEmpty();
    }

    /** Every path under the folder (hidden ones too), relative, sorted. */
    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> !path.equals(root)).map(path -> root.relativize(path).toString()).sorted()
                    .toList();
        }
    }
}
