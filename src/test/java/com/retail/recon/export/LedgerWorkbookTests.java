package com.retail.recon.export;

import com.retail.recon.ledger.Ledger;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's workbook, read back with POI: text that a spreadsheet would run as a formula stays text,
 * amounts are numbers with their currency's digits, and the same CSVs give the same bytes.
 */
class LedgerWorkbookTests {

    private static final Instant DATED = Instant.parse("2026-11-24T00:00:00Z");
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)",
            "=1+1", "\t=cmd", "-2+3", "CNF-1", "a\u0001b");

    @TempDir
    Path folder;

    @Test
    void textThatLooksLikeAFormula_isATextCell_never_aFormula() throws IOException {
        Path data = csvs();
        List<String> rows = new ArrayList<>();
        for (String value : HOSTILE) {
            rows.add("2026-11-20,EXCEPTION,R-1,O-1," + quoted(value) + ",,," + quoted(value));
        }
        ledger(data, Ledger.EXCEPTIONS, rows);

        LedgerWorkbook.write(data, DATED);

        try (XSSFWorkbook book = read(data)) {
            XSSFSheet sheet = book.getSheet("exceptions");
            for (int i = 0; i < HOSTILE.size(); i++) {
                Row row = sheet.getRow(i + 1);
                for (int column : new int[]{4, 7}) {
                    Cell cell = row.getCell(column);
                    assertThat(cell.getCellType()).as(HOSTILE.get(i)).isEqualTo(CellType.STRING);
                    // XML cannot hold most control characters: they show as ? (the CSV keeps them)
                    assertThat(cell.getStringCellValue()).isEqualTo(HOSTILE.get(i).replace('\u0001', '?'));
                    assertThat(cell.getCellStyle().getQuotePrefixed()).as(HOSTILE.get(i))
                            .isEqualTo("=+-@\t".indexOf(HOSTILE.get(i).charAt(0)) >= 0);
                }
            }
            for (org.apache.poi.ss.usermodel.Sheet each : book) {
                for (Row row : each) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void amountsAreNumbersWithTheirCurrencysDigits_countsAreWholeNumbers_andEmptyIsBlank() throws IOException {
        Path data = csvs();
        ledger(data, Ledger.REFUNDS, List.of(
                "2026-11-20,T-1,O-1,R-1,R-1,ORIGINAL_PAYMENT,140.39,USD,SETTLED,2026-11-20T10:00:00Z,",
                "2026-11-20,T-2,O-2,R-2,R-2,ORIGINAL_PAYMENT,1200,JPY,PENDING,2026-11-20T10:00:00Z,",
                "2026-11-20,T-3,O-3,R-3,R-3,ORIGINAL_PAYMENT,123456789012345678.00,USD,PENDING,2026-11-20T10:00:00Z,"));
        ledger(data, Ledger.SUMMARY, List.of("2026-11-20,REFUNDED,USD,12,1234567.50,1234567.50"));

        LedgerWorkbook.write(data, DATED);

        try (XSSFWorkbook book = read(data)) {
            XSSFSheet refunds = book.getSheet("refunds");
            Cell usd = refunds.getRow(1).getCell(6);
            assertThat(usd.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(usd.getNumericCellValue()).isEqualTo(140.39);
            assertThat(usd.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Cell jpy = refunds.getRow(2).getCell(6);
            assertThat(jpy.getNumericCellValue()).isEqualTo(1200);
            assertThat(jpy.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            Cell tooLong = refunds.getRow(3).getCell(6);
            assertThat(tooLong.getCellType()).as("more digits than a spreadsheet keeps").isEqualTo(CellType.STRING);
            assertThat(tooLong.getStringCellValue()).isEqualTo("123456789012345678.00");
            assertThat(refunds.getRow(1).getCell(10)).as("empty settled_at").isNull();
            assertThat(refunds.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);

            Row summary = book.getSheet("summary").getRow(1);
            assertThat(summary.getCell(3).getNumericCellValue()).isEqualTo(12);
            assertThat(summary.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(summary.getCell(4).getNumericCellValue()).isEqualTo(1234567.5);
            Row totals = book.getSheet("totals").getRow(1);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("ALL");
            assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(totals.getCell(3).getNumericCellValue()).isEqualTo(30.5);
        }
    }

    @Test
    void eachCsvIsASheet_withABoldFrozenHeader_andColumnsWideEnoughForTheirValues() throws IOException {
        Path data = csvs();
        ledger(data, Ledger.REJECTS, List.of("2026-11-20,orders.csv,7,BAD_NUMBER,\"" + "x".repeat(40_000)
                + "\",quantity"));

        LedgerWorkbook.write(data, DATED);

        try (XSSFWorkbook book = read(data)) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("cancellations", "refunds", "escalations", "exceptions", "rejects",
                    "summary", "totals");
            for (Ledger ledger : Ledger.values()) {
                XSSFSheet sheet = book.getSheet(ledger.fileName().replace(".csv", ""));
                Row header = sheet.getRow(0);
                List<String> columns = new ArrayList<>();
                header.forEach(cell -> columns.add(cell.getStringCellValue()));
                assertThat(columns).isEqualTo(ledger.columns());
                assertThat(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                for (int i = 0; i < columns.size(); i++) {
                    assertThat(sheet.getColumnWidth(i)).as(columns.get(i))
                            .isGreaterThanOrEqualTo((columns.get(i).length() + 2) * 256);
                }
            }
            XSSFSheet rejects = book.getSheet("rejects");
            assertThat(rejects.getColumnWidth(4)).as("a long value's column is capped").isEqualTo(62 * 256);
            String raw = rejects.getRow(1).getCell(4).getStringCellValue();
            assertThat(raw).hasSize(LedgerWorkbook.EXCEL_MAX_TEXT).startsWith("xxx").endsWith("x\u2026");
        }
    }

    @Test
    void aLedgerLongerThanASheet_goesOnInTheNextSheet_withItsHeader() throws IOException {
        Path data = csvs();
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rows.add("2026-11-20,orders.csv," + i + ",BAD_NUMBER,raw " + i + ",quantity");
        }
        ledger(data, Ledger.REJECTS, rows);

        LedgerWorkbook.write(data, DATED, 4);

        try (XSSFWorkbook book = read(data)) {
            assertThat(book.getSheet("rejects").getLastRowNum()).isEqualTo(3);
            assertThat(book.getSheet("rejects (2)").getLastRowNum()).isEqualTo(3);
            assertThat(book.getSheet("rejects (3)").getRow(0).getCell(0).getStringCellValue()).isEqualTo("business_date");
            assertThat(book.getSheet("rejects (3)").getRow(1).getCell(4).getStringCellValue()).isEqualTo("raw 7");
        }
    }

    @Test
    void theSameCsvsGiveTheSameBytes_datedFromTheData_notTheClock() throws IOException {
        Path data = csvs();
        ledger(data, Ledger.CANCELLATIONS, List.of("2026-11-20,R-1,O-1,,C-1,WEBSITE,CONFIRMED,2026-11-20T10:00:00Z,"
                + "2026-11-20T11:00:00Z,CNF-1,OK,REFUNDED,10.80,10.80,0.00,USD,13,N"));

        LedgerWorkbook.write(data, DATED);
        byte[] first = Files.readAllBytes(data.resolve("ledgers.xlsx"));
        LedgerWorkbook.write(data, DATED);

        assertThat(java.util.Arrays.equals(Files.readAllBytes(data.resolve("ledgers.xlsx")), first))
                .as("the same bytes").isTrue();
        try (XSSFWorkbook book = read(data)) {
            assertThat(book.getProperties().getCoreProperties().getCreated()).isEqualTo(Date.from(DATED));
            assertThat(book.getProperties().getCoreProperties().getModified()).isEqualTo(Date.from(DATED));
        }
    }

    /** Empty ledgers (headers only) and a totals.csv with one ALL row. */
    private Path csvs() throws IOException {
        Path data = Files.createDirectories(folder.resolve("data/ledgers")).getParent();
        for (Ledger ledger : Ledger.values()) {
            ledger(data, ledger, List.of());
        }
        Files.writeString(data.resolve("totals.csv"), "business_date,currency,requests,expected_refund,"
                + "settled_amount,pending_amount,exceptions_orphan_refund\nALL,USD,3,30.50,20.50,10.00,1\n");
        return data;
    }

    private static void ledger(Path data, Ledger ledger, List<String> rows) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", ledger.columns())).append('\n');
        rows.forEach(row -> text.append(row).append('\n'));
        Files.writeString(data.resolve("ledgers").resolve(ledger.fileName()), text);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static XSSFWorkbook read(Path data) throws IOException {
        try (InputStream in = Files.newInputStream(data.resolve("ledgers.xlsx"))) {
            return new XSSFWorkbook(in);
        }
    }
}
