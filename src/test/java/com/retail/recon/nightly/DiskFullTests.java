package com.retail.recon.nightly;

import com.retail.recon.archive.BagVerifier;
import com.retail.recon.ledger.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disk that fills up while the bundle is written: the run fails cleanly (exit 1, one line), nothing
 * appears under the bundle path, and once there is room `restart` finishes it with the same ledgers.
 * Needs a small tmpfs, so it runs where mounting is allowed (root, as in CI) and is skipped elsewhere.
 */
class DiskFullTests {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path folder;

    private Path archive;

    @AfterEach
    void unmount() throws Exception {
        if (archive != null) {
            new ProcessBuilder("umount", archive.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskFailsTheRunCleanly_andRestartFinishesItOnceThereIsRoom() throws Exception {
        Path mountPoint = Files.createDirectories(folder.resolve("archive"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "disk-full test skipped: cannot mount a small tmpfs here (needs root)");
        archive = mountPoint;
        TestStore store = TestStore.h2(folder);

        Recon.Outcome full = Recon.run(store, "run", "--date=" + DATE, "--inbox=sample-data/inbox",
                "--archive=" + archive);

        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(full.err()).contains("No space left on device").contains("recon restart --date " + DATE)
                .doesNotContain("\tat ");
        assertThat(archive.resolve(DATE)).doesNotExist();

        assertThat(new ProcessBuilder("mount", "-o", "remount,size=20m", archive.toString()).start()
                .waitFor(10, TimeUnit.SECONDS)).isTrue();
        Recon.Outcome restarted = Recon.run(store, "restart", "--date=" + DATE);

        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(BagVerifier.verify(archive.resolve(DATE))).isEmpty();
        for (Ledger ledger : Ledger.values()) {
            assertThat(Files.readString(archive.resolve(DATE).resolve("data/ledgers").resolve(ledger.fileName())))
                    .isEqualTo(Files.readString(Path.of("sample-data/expected", DATE, ledger.fileName())));
        }
    }
}
