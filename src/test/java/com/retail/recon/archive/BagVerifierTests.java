package com.retail.recon.archive;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.SeparateJvm;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `recon verify` on a small bag: every way of spelling its path, and every way of tampering with it. */
class BagVerifierTests {

    @TempDir
    Path folder;

    private Path bag;

    @BeforeEach
    void makeABag() throws IOException {
        bag = folder.resolve("archive").resolve("2026-11-20");
        write(bag, "data/ledgers/cancellations.csv", "business_date,request_id\n2026-11-20,CR-1\n");
        write(bag, "data/receipts/CNF-1.pdf", "%PDF-1.7 a receipt\n");
        write(bag, "data/report.pdf", "%PDF-1.7 the report\n");
        Map<String, List<String>> info = new LinkedHashMap<>();
        info.put("Business-Date", List.of("2026-11-20"));
        BagIt.make(bag, info);
    }

    @Test
    void anIntactBag_isIntact_howeverItsPathIsSpelled() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("link"), folder.resolve("archive"));
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere/deeper"));
        Path up = Files.createSymbolicLink(folder.resolve("up"), elsewhere);
        String relative = Path.of("").toAbsolutePath().relativize(bag).toString();
        List<String> spellings = List.of(
                bag.toString(),
                bag + "/",
                bag + "/.",
                bag + "/./",
                bag + "/data/..",
                folder + "/archive/./2026-11-20",
                folder + "/archive/../archive/2026-11-20",
                relative,
                "./" + relative,
                relative + "/",
                link.resolve("2026-11-20").toString(),
                link + "/2026-11-20/",
                link + "/../archive/2026-11-20",
                // ".." after a symbolic link climbs from where the link points: elsewhere/deeper/../.. is folder
                up + "/../../archive/2026-11-20");
        for (String spelling : spellings) {
            Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "verify", spelling);
            assertThat(outcome.exitCode()).as(spelling + "\n" + outcome.err()).isZero();
            assertThat(outcome.out()).as(spelling).contains("intact (3 payload files");
        }
    }

    @Test
    void verifyDot_fromInsideAnIntactBag_isIntact() throws Exception {
        Path log = folder.resolve("verify.log");
        for (String spelling : List.of(".", "./", "data/..", "../2026-11-20")) {
            int exit = SeparateJvm.run(TestStore.h2(folder), log, bag, "verify", spelling);
            assertThat(exit).as(spelling + "\n" + Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("intact (3 payload files");
        }
    }

    private static void write(Path bag, String path, String text) throws IOException {
        Files.createDirectories(bag.resolve(path).getParent());
        Files.writeString(bag.resolve(path), text, StandardCharsets.UTF_8);
    }
}
