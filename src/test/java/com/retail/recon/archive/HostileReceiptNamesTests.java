package com.retail.recon.archive;

import com.retail.recon.nightly.Inbox;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Confirmation numbers that are not safe file names never escape data/receipts/ nor overwrite a receipt. */
class HostileReceiptNamesTests {

    private static final LocalDate D = LocalDate.of(2026, 11, 20);

    @TempDir
    Path folder;

    @Test
    void hostileConfirmationNumbers_stayInsideTheReceiptsFolder_eachWithItsOwnFile() throws IOException {
        List<String> hostile = List.of("../../x", "a/b", "x".repeat(300), "nul\u0001char", "注文-1", "SAME", "same",
                "SAME", "UNIQUE-1");
        Inbox inbox = new Inbox(folder.resolve("inbox")).refundedRequests(D, hostile);

        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "run", "--date=" + D, "--inbox=" + inbox.root(),
                "--archive=" + folder.resolve("archive"));

        assertThat(outcome.exitCode()).isZero();
        Path bundle = folder.resolve("archive").resolve(D.toString());
        Path receipts = bundle.resolve("data/receipts");
        try (Stream<Path> all = Files.walk(folder)) {
            assertThat(all.filter(p -> p.toString().endsWith(".pdf")).toList())
                    .hasSize(hostile.size() + 1) // and the report
                    .allMatch(p -> p.getParent().equals(receipts) || p.getFileName().toString().equals("report.pdf"));
        }
        try (Stream<Path> names = Files.list(receipts)) {
            assertThat(names.map(p -> p.getFileName().toString()))
                    .contains("UNIQUE-1.pdf")
                    .as("three receipts share SAME, ignoring case: none is named after it")
                    .noneMatch(name -> name.equalsIgnoreCase("SAME.pdf"))
                    .allMatch(name -> name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.pdf") && name.length() <= 120);
        }
        assertThat(BagVerifier.verify(bundle)).isEmpty();
    }
}
