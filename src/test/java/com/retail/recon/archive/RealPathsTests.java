package com.retail.recon.archive;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a path, existing or not, lies inside a folder, however either is spelled. */
class RealPathsTests {

    @TempDir
    Path folder;

    private Path archive;

    @BeforeEach
    void anArchiveWithABundle() throws IOException {
        archive = folder.resolve("recon/archive");
        Files.createDirectories(archive.resolve("2026-11-20/data"));
        Files.createDirectories(folder.resolve("elsewhere/deeper"));
    }

    @Test
    void aPathInsideTheArchive_isWithinIt_howeverItIsSpelled() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("link"), archive);
        Path deeper = Files.createSymbolicLink(folder.resolve("deeper"), folder.resolve("elsewhere/deeper"));
        Path cwd = Path.of("").toAbsolutePath();
        for (Path inside : new Path[]{
                archive,
                archive.resolve("2026-11-20/data/audit"),
                archive.resolve("2026-11-25"),
                archive.resolve("new/deeper/still"),
                archive.resolve("."),
                archive.resolve("x/.."),
                archive.resolve("2026-11-20/../2026-11-25"),
                folder.resolve("recon/./archive/2026-11-25"),
                folder.resolve("elsewhere/../recon/archive/2026-11-25"),
                cwd.relativize(archive.resolve("2026-11-25")),
                link,
                link.resolve("2026-11-25"),
                link.resolve("2026-11-20/data/audit"),
                // ".." after a link climbs from where it points: elsewhere/deeper/../../recon/archive
                deeper.resolve("../../recon/archive/2026-11-25"),
                archive.resolve("missing/../2026-11-25")}) {
            assertThat(RealPaths.isWithin(inside, archive)).as(inside.toString()).isTrue();
            assertThat(RealPaths.isWithin(inside, link)).as(inside + " within the link").isTrue();
        }
    }

    @Test
    void aPathOutsideTheArchive_isNotWithinIt() throws IOException {
        Path deeper = Files.createSymbolicLink(folder.resolve("deeper"), folder.resolve("elsewhere/deeper"));
        for (Path outside : new Path[]{
                folder.resolve("recon/archive-2"),
                folder.resolve("recon/archive2/x"),
                folder.resolve("recon"),
                folder.resolve("audit"),
                archive.resolve("../audit"),
                archive.resolve("missing/../../audit"),
                // spelled under the archive's name, but the link leads elsewhere
                deeper.resolve("../recon/archive/x"),
                folder.resolve("deeper/recon/archive")}) {
            assertThat(RealPaths.isWithin(outside, archive)).as(outside.toString()).isFalse();
        }
    }

    @Test
    void aFolderThatDoesNotExistYet_holdsWhatWouldBeWrittenInIt() {
        Path future = folder.resolve("not-yet/archive");
        assertThat(RealPaths.isWithin(future.resolve("2026-11-20"), future)).isTrue();
        assertThat(RealPaths.isWithin(future, folder.resolve("not-yet"))).isTrue();
        assertThat(RealPaths.isWithin(folder.resolve("not-yet"), future)).isFalse();
        assertThat(RealPaths.isWithin(folder.resolve("not-yet/archive-2"), future)).isFalse();
    }

    @Test
    void realPathOfAPathNotYetThere_isItsExistingPartsRealPathAndTheRest() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("link"), archive);
        assertThat(RealPaths.of(link.resolve("new/../2026-11-25/x")))
                .isEqualTo(archive.toRealPath().resolve("2026-11-25/x"));
    }
}
