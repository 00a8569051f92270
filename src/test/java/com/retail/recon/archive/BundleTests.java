package com.retail.recon.archive;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.pdf.PdfAValidation;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bundles are BagIt bags that verify, that a second implementation accepts, and that `verify` guards. */
class BundleTests {

    private static final Path INBOX = Path.of("sample-data", "inbox");
    private static final String DATE = "2026-11-20";

    @TempDir
    Path folder;

    private TestStore store;
    private Path bundle;

    @BeforeEach
    void runTheFirstSampleDate() {
        store = TestStore.h2(folder);
        assertThat(Recon.run(store, "run", "--date=" + DATE, "--inbox=" + INBOX,
                "--archive=" + folder.resolve("archive")).exitCode()).isZero();
        bundle = folder.resolve("archive").resolve(DATE);
    }

    @Test
    void aBundleIsAValidBag_forRecon_andForTheLibraryOfCongressImplementation() throws Exception {
        Recon.Outcome verified = Recon.run(store, "verify", bundle.toString());
        assertThat(verified.exitCode()).isZero();
        assertThat(verified.out()).contains("intact");

        Bag bag = new BagReader().read(bundle);
        try (gov.loc.repository.bagit.verify.BagVerifier loc = new gov.loc.repository.bagit.verify.BagVerifier()) {
            loc.isValid(bag, false);
        }
        assertThat(bag.getPayLoadManifests()).singleElement()
                .satisfies(m -> assertThat(m.getFileToChecksumMap()).hasSize(6 + 4 + 1));
    }

    @Test
    void receiptsAndTheReport_areValidPdfA_andShowWhatTheLedgerShows() throws IOException {
        Path receipts = bundle.resolve("data/receipts");
        List<String> names;
        try (var files = Files.list(receipts)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        // the sample's four requests that became REFUNDED on 2026-11-20 (sample-data/README.md)
        assertThat(names).hasSize(4).allMatch(name -> name.matches("CNF-[0-9A-F]+\\.pdf"));
        String ledger = Files.readString(bundle.resolve("data/ledgers/cancellations.csv"));
        for (String name : names) {
            byte[] pdf = Files.readAllBytes(receipts.resolve(name));
            PdfAValidation.assertPdfA2b(pdf);
            String confirmation = name.substring(0, name.length() - 4);
            String row = ledger.lines().filter(line -> line.contains("," + confirmation + ",")).findFirst().orElseThrow();
            String[] f = row.split(",");
            String text = text(pdf);
            assertThat(text).contains(confirmation).contains(f[2]).contains(f[12] + " " + f[15]);
        }
        byte[] report = Files.readAllBytes(bundle.resolve("data/report.pdf"));
        PdfAValidation.assertPdfA2b(report);
        assertThat(text(report)).contains("2026-11-20").contains("orders.csv");
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    @Test
    void bagInfoCarriesTheRunsIdentity() throws IOException {
        Map<String, List<String>> info = BagIt.readInfo(bundle);
        assertThat(info.get("Business-Date")).containsExactly(DATE);
        assertThat(info.get("Revision")).containsExactly("1");
        assertThat(info.get("Run-Id")).singleElement().asString().startsWith("nightlyReconciliation/");
        assertThat(info.get("Product-Version")).singleElement().asString().startsWith("recon ");
        assertThat(info).containsKeys("Bagging-Date", "Payload-Oxum");
        assertThat(info.get("Source-File")).containsExactly(
                "orders.csv sha256:" + BagIt.sha256(INBOX.resolve(DATE).resolve("orders.csv")),
                "cancellations.csv sha256:" + BagIt.sha256(INBOX.resolve(DATE).resolve("cancellations.csv")),
                "refunds.csv sha256:" + BagIt.sha256(INBOX.resolve(DATE).resolve("refunds.csv")));
    }

    @Test
    void verify_namesAnAlteredLedger() throws IOException {
        Path ledger = bundle.resolve("data/ledgers/cancellations.csv");
        byte[] bytes = Files.readAllBytes(ledger);
        bytes[bytes.length - 2] ^= 1;
        Files.write(ledger, bytes);

        Recon.Outcome outcome = Recon.run(store, "verify", bundle.toString());

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err()).contains("ALTERED data/ledgers/cancellations.csv");
    }

    @Test
    void verify_namesAMissingFile() throws IOException {
        Files.delete(bundle.resolve("data/ledgers/refunds.csv"));
        Recon.Outcome outcome = Recon.run(store, "verify", bundle.toString());
        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err()).contains("MISSING data/ledgers/refunds.csv").contains("BAD_OXUM");
    }

    @Test
    void verify_namesAStrayFile_inThePayloadOrBesideIt() throws IOException {
        Files.writeString(bundle.resolve("data/ledgers/extra.csv"), "x\n");
        Files.writeString(bundle.resolve("notes.txt"), "x\n");
        Recon.Outcome outcome = Recon.run(store, "verify", bundle.toString());
        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err()).contains("EXTRA data/ledgers/extra.csv").contains("EXTRA notes.txt");
    }

    @Test
    void aRerunWritesTheSamePayload_underTheNextRevision_andLeavesTheFirstBundleAlone() throws IOException {
        String manifestBefore = Files.readString(bundle.resolve(BagIt.MANIFEST));
        String tagManifestBefore = Files.readString(bundle.resolve(BagIt.TAG_MANIFEST));

        assertThat(Recon.run(store, "rerun", "--date=" + DATE, "--inbox=" + INBOX,
                "--archive=" + folder.resolve("archive")).exitCode()).isZero();

        Path second = folder.resolve("archive").resolve(DATE + ".r2");
        assertThat(Files.readString(second.resolve(BagIt.MANIFEST))).isEqualTo(manifestBefore);
        assertThat(Files.readString(bundle.resolve(BagIt.MANIFEST))).isEqualTo(manifestBefore);
        assertThat(Files.readString(bundle.resolve(BagIt.TAG_MANIFEST))).isEqualTo(tagManifestBefore);
        assertThat(BagIt.readInfo(second).get("Revision")).containsExactly("2");
        assertThat(Recon.run(store, "verify", bundle.toString()).exitCode()).isZero();
        assertThat(Recon.run(store, "verify", second.toString()).exitCode()).isZero();
    }

    @Test
    void verify_aFolderThatIsNoBag() {
        Recon.Outcome outcome = Recon.run(store, "verify", folder.resolve("nothing").toString());
        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.err()).contains("NOT_A_BAG");
    }
}
