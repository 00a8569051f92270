package com.retail.recon.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BagItTests {

    @TempDir
    Path bag;

    @Test
    void checksumsRecordedWhileWriting_areUsed_andRemovedFromTheBag() throws IOException {
        byte[] receipt = "%PDF-1.7 a receipt".getBytes(StandardCharsets.US_ASCII);
        write("data/receipts/CNF-1.pdf", receipt);
        write("data/ledgers/refunds.csv", "txn_id\n".getBytes(StandardCharsets.US_ASCII));
        PayloadChecksums.record(bag, "receipts-CNF-1.pdf", Map.of("data/receipts/CNF-1.pdf",
                new PayloadChecksums.Entry(PayloadChecksums.sha256(receipt), receipt.length)));

        BagIt.make(bag, new LinkedHashMap<>());

        assertThat(bag.resolve(PayloadChecksums.FOLDER)).doesNotExist();
        assertThat(BagVerifier.verify(bag)).isEmpty();
        assertThat(BagIt.readInfo(bag).get("Payload-Oxum")).containsExactly((receipt.length + 7) + ".2");
    }

    @Test
    void aRecordedChecksumIsTakenAsWritten_butOnlyForAFileOfTheRecordedSize() throws IOException {
        byte[] same = "receipt".getBytes(StandardCharsets.US_ASCII);
        write("data/receipts/A.pdf", same);
        write("data/receipts/B.pdf", same);
        String recorded = "ab".repeat(32);
        Map<String, PayloadChecksums.Entry> entries = new LinkedHashMap<>();
        entries.put("data/receipts/A.pdf", new PayloadChecksums.Entry(recorded, same.length));
        entries.put("data/receipts/B.pdf", new PayloadChecksums.Entry(recorded, same.length + 1));
        PayloadChecksums.record(bag, "receipts-A.pdf", entries);

        BagIt.make(bag, Map.of("Business-Date", List.of("2026-11-20")));

        assertThat(Files.readString(bag.resolve(BagIt.MANIFEST))).isEqualTo(
                recorded + "  data/receipts/A.pdf\n" + PayloadChecksums.sha256(same) + "  data/receipts/B.pdf\n");
    }

    @Test
    void aSymbolicLinkInThePayload_isNotBagged() throws IOException {
        write("data/ledgers/refunds.csv", "txn_id\n".getBytes(StandardCharsets.US_ASCII));
        Path outside = Files.writeString(bag.resolveSibling(bag.getFileName() + "-report.pdf"), "%PDF");
        Files.createSymbolicLink(bag.resolve("data/report.pdf"), outside);
        try {
            assertThatThrownBy(() -> BagIt.make(bag, new LinkedHashMap<>())).isInstanceOf(IOException.class)
                    .hasMessageContaining("data/report.pdf is a symbolic link, not a regular file");
            assertThat(bag.resolve(BagIt.MANIFEST)).doesNotExist();
        } finally {
            Files.delete(outside);
        }
    }

    private void write(String path, byte[] bytes) throws IOException {
        Files.createDirectories(bag.resolve(path).getParent());
        Files.write(bag.resolve(path), bytes);
    }
}
