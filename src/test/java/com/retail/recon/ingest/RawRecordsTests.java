package com.retail.recon.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * settle-ingest reads the raw text of the rows it rejects again from the file, parsing only the small ranges
 * that hold them: the text must be what a reader of the whole file gets, records with quoted line breaks too.
 */
class RawRecordsTests {

    @TempDir
    Path folder;

    @Test
    void theRawTextOfChosenRecords_isWhatAWholeFileReaderGets() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFForder_id,line_no,reason\r\n");
        for (int i = 0; i < 20_000; i++) {
            String reason = switch (i % 5) {
                case 0 -> "\"two\nlines, and a \"\"quote\"\"\"";
                case 1 -> "\"ends in CRLF\r\n\"";
                case 2 -> "plain ünïcödé";
                default -> "";
            };
            csv.append("O-").append(i).append(',').append(i % 3 + 1).append(',').append(reason)
                    .append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Path file = folder.resolve("orders.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Map<Long, String> whole = new HashMap<>();
        try (CsvRecordReader records = new CsvRecordReader(file)) {
            for (CsvRecord record = records.next(); record != null; record = records.next()) {
                whole.put(record.lineNumber(), IngestedRow.Rejected.storable(record.raw()));
            }
        }
        List<Long> all = whole.keySet().stream().sorted().toList();
        List<WithinFileRules.Verdict> verdicts = new ArrayList<>();
        for (int i = 1; i < all.size() - 1; i += 7) {
            verdicts.add(new WithinFileRules.Verdict(all.get(i), RejectReason.DUPLICATE_KEY, "order_id+line_no"));
        }
        verdicts.add(new WithinFileRules.Verdict(all.get(all.size() - 1), RejectReason.MIXED_ORDER, "currency"));
        assertThat(Files.size(file)).as("many ranges").isGreaterThan(20 * 16 * 1024);

        Map<Long, String> raw = IngestSettlement.rawRecords(file, verdicts);

        assertThat(raw).hasSize(verdicts.size());
        verdicts.forEach(v -> assertThat(raw.get(v.lineNumber())).as("line %d", v.lineNumber())
                .isNotNull().isEqualTo(whole.get(v.lineNumber())));
    }
}
