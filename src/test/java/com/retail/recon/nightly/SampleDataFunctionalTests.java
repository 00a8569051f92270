package com.retail.recon.nightly;

import com.retail.recon.ingest.CsvRecord;
import com.retail.recon.ingest.CsvRecordReader;
import com.retail.recon.domain.InputFile;
import com.retail.recon.ledger.Ledger;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job over sample-data, every date in order, on each store: the ledgers must equal the
 * hand-worked expected ledgers byte for byte, nothing may be lost, and recomputing the first date after
 * all dates ran must give the same ledgers again.
 */
class SampleDataFunctionalTests {

    private static final Path INBOX = Path.of("sample-data", "inbox");
    private static final Path EXPECTED = Path.of("sample-data", "expected");
    private static final List<String> DATES = List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23");

    @TempDir
    Path folder;

    static Stream<Named<Function<Path, TestStore>>> stores() {
        return Stream.of(Named.of("H2", TestStore::h2), Named.of("PostgreSQL", ignored -> TestStore.postgres()));
    }

    private Recon.Outcome recon(TestStore store, String command, String date) {
        return Recon.run(store, command, "--date=" + date, "--inbox=" + INBOX, "--archive=" + folder.resolve("archive"),
                "--recon.chunk-size=3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void everyDateMatchesItsHandWorkedLedgers_andRerunningTheFirstDateGivesTheSame(Function<Path, TestStore> kind)
            throws IOException {
        TestStore store = kind.apply(folder);
        for (String date : DATES) {
            assertThat(recon(store, "run", date).exitCode()).as("run %s", date).isZero();
            assertLedgersEqualExpected(folder.resolve("archive").resolve(date), date);
        }

        assertThat(recon(store, "rerun", DATES.get(0)).exitCode()).isZero();

        assertLedgersEqualExpected(folder.resolve("archive").resolve(DATES.get(0) + ".r2"), DATES.get(0));
        assertCountsAddUp(store);
        assertEveryAcceptedRequestIsInTheLedgerOfItsDate();
    }

    private static void assertLedgersEqualExpected(Path bundle, String date) throws IOException {
        for (Ledger ledger : Ledger.values()) {
            Path actual = bundle.resolve("data/ledgers").resolve(ledger.fileName());
            Path expected = EXPECTED.resolve(date).resolve(ledger.fileName());
            assertThat(Files.readString(actual)).as("%s %s", date, ledger.fileName())
                    .isEqualTo(Files.readString(expected));
        }
    }

    /** For every input file: rows read = accepted + rejected, and rows read = the records in the file. */
    private static void assertCountsAddUp(TestStore store) throws IOException {
        List<Map<String, Object>> counts = store.jdbc().queryForList(
                "SELECT business_date, file, rows_read, rows_accepted, rows_rejected FROM ingest_count");
        assertThat(counts).hasSize(DATES.size() * InputFile.values().length);
        for (Map<String, Object> row : counts) {
            long read = ((Number) row.get("rows_read")).longValue();
            long accepted = ((Number) row.get("rows_accepted")).longValue();
            long rejected = ((Number) row.get("rows_rejected")).longValue();
            Path file = INBOX.resolve(row.get("business_date").toString()).resolve(row.get("file").toString());
            assertThat(read).as("%s", file).isEqualTo(accepted + rejected).isEqualTo(recordsIn(file));
        }
    }

    private static void assertEveryAcceptedRequestIsInTheLedgerOfItsDate() throws IOException {
        for (String date : DATES) {
            Set<String> rejectedLines = new HashSet<>();
            for (String line : Files.readAllLines(EXPECTED.resolve(date).resolve("rejects.csv"))) {
                if (line.contains(",cancellations.csv,")) {
                    rejectedLines.add(line.split(",")[2]);
                }
            }
            String ledger = Files.readString(EXPECTED.resolve(date).resolve("cancellations.csv"));
            try (CsvRecordReader reader = new CsvRecordReader(INBOX.resolve(date).resolve("cancellations.csv"))) {
                int requestId = List.of(reader.next().fields()).indexOf("request_id");
                for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                    if (!rejectedLines.contains(Long.toString(record.lineNumber()))) {
                        assertThat(ledger).as("%s %s", date, record.fields()[requestId])
                                .contains("\n" + date + "," + record.fields()[requestId].trim() + ",");
                    }
                }
            }
        }
    }

    private static long recordsIn(Path file) throws IOException {
        long records = -1; // the header
        try (CsvRecordReader reader = new CsvRecordReader(file)) {
            while (reader.next() != null) {
                records++;
            }
        }
        return records;
    }
}
