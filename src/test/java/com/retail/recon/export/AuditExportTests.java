package com.retail.recon.export;

import com.retail.recon.archive.BagIt;
import com.retail.recon.archive.BagVerifier;
import com.retail.recon.ledger.Ledger;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.pdf.PdfAValidation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The finance audit export over the sample dates: complete, tied out, and honest about missing dates. */
class AuditExportTests {

    private static final Path INBOX = Path.of("sample-data", "inbox");
    private static final Path EXPECTED = Path.of("sample-data", "expected");
    private static final List<String> DATES = List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23");

    @TempDir
    Path folder;

    private TestStore store;

    @BeforeEach
    void runTheSampleDates() {
        store = TestStore.h2(folder);
        assertThat(Recon.run(store, "run", "--date=2026-11-23", "--catch-up", "--inbox=" + INBOX,
                "--archive=" + folder.resolve("archive")).exitCode()).isZero();
    }

    @Test
    void theExportIsAValidBag_holdingEachLedgerOfTheRangeUnderOneHeader() throws Exception {
        Path out = folder.resolve("audit");
        Recon.Outcome outcome = Recon.run(store, "export", "--from=2026-11-20", "--to=2026-11-23", "--out=" + out);

        assertThat(outcome.exitCode()).isZero();
        assertThat(BagVerifier.verify(out)).isEmpty();
        try (var loc = new gov.loc.repository.bagit.verify.BagVerifier()) {
            loc.isValid(new gov.loc.repository.bagit.reader.BagReader().read(out), false);
        }
        for (Ledger ledger : Ledger.values()) {
            StringBuilder expected = new StringBuilder(String.join(",", ledger.columns())).append('\n');
            for (String date : DATES) {
                String day = Files.readString(EXPECTED.resolve(date).resolve(ledger.fileName()));
                expected.append(day.substring(day.indexOf('\n') + 1));
            }
            assertThat(Files.readString(out.resolve("data/ledgers").resolve(ledger.fileName())))
                    .as(ledger.fileName()).isEqualTo(expected.toString());
        }
        PdfAValidation.assertPdfA2b(Files.readAllBytes(out.resolve("data/summary.pdf")));
        assertThat(BagIt.readInfo(out).get("Business-Date")).containsExactlyElementsOf(DATES);
    }

    @Test
    void theExportHoldsTheCasesFlaggedInTheRange_asTheyStandNow_withAllTheirEvents() throws Exception {
        assertThat(Recon.run(store, "cases", "ack", "11", "--as", "ann").exitCode()).isZero();
        assertThat(Recon.run(store, "cases", "resolve", "11", "--fixed", "--note", "reissued, \"TX-9\"", "--as", "ann")
                .exitCode()).isZero();
        Path out = folder.resolve("audit");
        assertThat(Recon.run(store, "export", "--from=2026-11-22", "--to=2026-11-22", "--out=" + out).exitCode())
                .isZero();

        // the cases flagged on 11-22: the keys of that date's escalations and exceptions
        List<String> cases = Files.readAllLines(out.resolve("data/cases.csv"));
        assertThat(cases.get(0)).isEqualTo(String.join(",", com.retail.recon.cases.CaseListing.CASE_COLUMNS));
        String escalations = Files.readString(EXPECTED.resolve("2026-11-22/escalations.csv"));
        String exceptions = Files.readString(EXPECTED.resolve("2026-11-22/exceptions.csv"));
        assertThat(cases).hasSize(1 + (int) escalations.lines().count() - 1 + (int) exceptions.lines().count() - 1);
        assertThat(cases).anySatisfy(line -> assertThat(line).startsWith("11,ESCALATION,REFUND_FAILED,CR-1009,")
                .contains(",WAITING,ann,"));
        assertThat(cases).noneSatisfy(line -> assertThat(line).startsWith("21,"));
        List<String> events = Files.readAllLines(out.resolve("data/case_events.csv"));
        assertThat(events.get(0)).isEqualTo("case_id,event_no,at,actor,action,business_date,from_state,to_state,"
                + "assignee,disposition,note");
        assertThat(events).anySatisfy(line -> assertThat(line).startsWith("11,1,").contains(",recon,opened,2026-11-21,,OPEN,"));
        assertThat(events).anySatisfy(line -> assertThat(line).startsWith("11,3,")
                .endsWith(",ann,resolve,,IN_PROGRESS,WAITING,,FIXED,\"reissued, \"\"TX-9\"\"\""));
        assertThat(Files.readString(out.resolve("manifest-sha256.txt"))).contains("data/cases.csv")
                .contains("data/case_events.csv");
        assertThat(BagVerifier.verify(out)).isEmpty();
    }

    @Test
    void controlTotalsTieOut_theRangeRowsAreTheSumOfTheDates_andEachDateMatchesItsBundleSummary() throws Exception {
        Path out = folder.resolve("audit");
        assertThat(Recon.run(store, "export", "--from=2026-11-20", "--to=2026-11-23", "--out=" + out).exitCode())
                .isZero();
        List<String[]> rows = Files.readAllLines(out.resolve("data/totals.csv")).stream().skip(1)
                .map(line -> line.split(",", -1)).toList();

        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (String[] row : rows) {
            if (!row[0].equals("ALL")) {
                BigDecimal[] sum = sums.computeIfAbsent(row[1], k -> zeros(row.length));
                for (int i = 2; i < row.length; i++) {
                    sum[i] = sum[i].add(number(row[i]));
                }
                assertSameAsBundleSummary(row);
            }
        }
        List<String[]> all = rows.stream().filter(row -> row[0].equals("ALL")).toList();
        assertThat(all).extracting(row -> row[1]).containsExactlyInAnyOrderElementsOf(sums.keySet());
        for (String[] row : all) {
            for (int i = 2; i < row.length; i++) {
                assertThat(number(row[i])).as("column %d of ALL %s", i, row[1]).isEqualByComparingTo(sums.get(row[1])[i]);
            }
        }
    }

    /** A date's requests, expected and settled per currency equal the sums of its bundle's summary.csv. */
    private void assertSameAsBundleSummary(String[] totals) throws IOException {
        long requests = 0;
        BigDecimal expected = BigDecimal.ZERO;
        BigDecimal settled = BigDecimal.ZERO;
        List<String> summary = Files.readAllLines(folder.resolve("archive").resolve(totals[0])
                .resolve("data/ledgers/summary.csv"));
        for (String line : summary.subList(1, summary.size())) {
            String[] f = line.split(",", -1);
            if (f[2].equals(totals[1])) {
                requests += Long.parseLong(f[3]);
                expected = expected.add(number(f[4]));
                settled = settled.add(number(f[5]));
            }
        }
        assertThat(Long.parseLong(totals[2])).as("requests %s %s", totals[0], totals[1]).isEqualTo(requests);
        assertThat(number(totals[3])).isEqualByComparingTo(expected);
        assertThat(number(totals[4])).isEqualByComparingTo(settled);
    }

    @Test
    void theWorkbookIsInThePayload_holdsEveryLedgerRow_andTwoExportsOfARangeHaveTheSameBytes() throws Exception {
        Path first = folder.resolve("audit");
        Path second = folder.resolve("audit-again");
        assertThat(Recon.run(store, "export", "--from=2026-11-20", "--to=2026-11-23", "--out=" + first).exitCode())
                .isZero();
        assertThat(Recon.run(store, "export", "--from=2026-11-20", "--to=2026-11-23", "--out=" + second).exitCode())
                .isZero();

        assertThat(Files.readString(first.resolve("manifest-sha256.txt"))).contains("  data/ledgers.xlsx\n");
        assertThat(BagVerifier.verify(first)).isEmpty();
        assertThat(Files.readString(second.resolve("manifest-sha256.txt")))
                .as("the whole payload, workbook included, is the same")
                .isEqualTo(Files.readString(first.resolve("manifest-sha256.txt")));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(first.resolve("data/ledgers.xlsx")))) {
            for (Ledger ledger : Ledger.values()) {
                long rows = Files.readAllLines(first.resolve("data/ledgers").resolve(ledger.fileName())).size();
                assertThat(book.getSheet(ledger.fileName().replace(".csv", "")).getLastRowNum() + 1L)
                        .as(ledger.fileName()).isEqualTo(rows);
            }
            assertThat(book.getSheet("totals").getRow(1).getCell(0).getStringCellValue()).isEqualTo("2026-11-20");
        }
    }

    @Test
    void aDateOfTheRangeThatNeverRan_isListedAsMissing() throws IOException {
        Path out = folder.resolve("audit");
        Recon.Outcome outcome = Recon.run(store, "export", "--from=2026-11-19", "--to=2026-11-21", "--out=" + out);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("1 business date of the range never completed and are missing from the "
                + "export: [2026-11-19]");
        assertThat(BagIt.readInfo(out).get("Missing-Business-Date")).containsExactly("2026-11-19");
        assertThat(BagIt.readInfo(out).get("Business-Date")).containsExactly("2026-11-20", "2026-11-21");
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static BigDecimal number(String text) {
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
