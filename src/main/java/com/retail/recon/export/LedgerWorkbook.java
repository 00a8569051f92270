package com.retail.recon.export;

import com.retail.recon.ingest.CsvRecord;
import com.retail.recon.ingest.CsvRecordReader;
import com.retail.recon.ledger.Ledger;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code data/ledgers.xlsx} of the audit export: the export's CSV files (six ledgers and the totals) as one
 * workbook, a sheet each, made from the CSVs so that it cannot say anything else. The CSVs keep every text
 * verbatim, also {@code =HYPERLINK(...)}, which a spreadsheet would run as a formula when opened; in the workbook
 * every text is a text cell (never a formula; one that starts with {@code = + - @} is also marked "quote
 * prefixed", so that editing it keeps it text), amounts are numbers with the currency's digits, counts are
 * whole numbers.
 * <p>
 * Streamed (SXSSF: 100 rows in memory, the rest in compressed temporary files) and deterministic: the same CSVs
 * and date give the same bytes.
 */
final class LedgerWorkbook {

    static final String FILE_NAME = "ledgers.xlsx";
    /** Excel's rows per sheet: a longer ledger goes on in "name (2)", ... with its header again. */
    static final int EXCEL_MAX_ROWS = 1_048_576;
    /** Excel's longest text in a cell; a longer one is cut, ending with an ellipsis (the CSV has it whole). */
    static final int EXCEL_MAX_TEXT = 32_767;
    /** Digits a spreadsheet keeps in a number: an amount with more is a text cell, as written. */
    static final int EXCEL_DIGITS = 15;
    private static final Set<String> AMOUNTS = Set.of("expected_refund", "settled_amount", "pending_amount", "amount");
    private static final Set<String> COUNTS = Set.of("line_no", "age_hours", "line_number", "requests");
    private static final int MAX_COLUMN_CHARS = 60;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final int rowsPerSheet;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle quoted;
    private final CellStyle count;
    private final CellStyle[] amountByDigits = new CellStyle[5];

    private LedgerWorkbook(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        quoted = workbook.createCellStyle();
        quoted.cloneStyleFrom(text);
        quoted.setQuotePrefixed(true);
        count = workbook.createCellStyle();
        count.setDataFormat(workbook.createDataFormat().getFormat("0"));
        for (int digits = 0; digits < amountByDigits.length; digits++) {
            amountByDigits[digits] = workbook.createCellStyle();
            amountByDigits[digits].setDataFormat(workbook.createDataFormat()
                    .getFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits)));
        }
    }

    /**
     * Writes {@code <data>/ledgers.xlsx} from {@code <data>/ledgers/*.csv} and {@code <data>/totals.csv}.
     *
     * @param dated the workbook's created and modified dates (documents carry no clock time: the same export
     *              gives the same bytes)
     */
    static void write(Path data, Instant dated) throws IOException {
        write(data, dated, EXCEL_MAX_ROWS);
    }

    static void write(Path data, Instant dated, int rowsPerSheet) throws IOException {
        LedgerWorkbook book = new LedgerWorkbook(rowsPerSheet);
        try {
            for (Ledger ledger : Ledger.values()) {
                String file = ledger.fileName();
                book.sheet(file.substring(0, file.length() - ".csv".length()), data.resolve("ledgers").resolve(file));
            }
            book.sheet("totals", data.resolve("totals.csv"));
            POIXMLProperties.CoreProperties core = book.workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            core.setCreated(Optional.of(Date.from(dated)));
            core.setModified(Optional.of(Date.from(dated)));
            core.setCreator("recon");
            core.setTitle("recon audit export: ledgers and totals");
            try (OutputStream out = Files.newOutputStream(data.resolve(FILE_NAME))) {
                book.workbook.write(out);
            }
        } finally {
            book.workbook.close();
            book.workbook.dispose();
        }
    }

    /** One CSV file as one sheet (or more, past Excel's rows per sheet). */
    private void sheet(String name, Path csv) throws IOException {
        try (CsvRecordReader records = new CsvRecordReader(csv)) {
            CsvRecord first = records.next();
            if (first == null) {
                throw new IOException(csv + " has no header");
            }
            String[] columns = first.fields();
            Kind[] kinds = new Kind[columns.length];
            int currency = -1;
            for (int i = 0; i < columns.length; i++) {
                kinds[i] = AMOUNTS.contains(columns[i]) ? Kind.AMOUNT
                        : COUNTS.contains(columns[i]) || columns[i].startsWith("exceptions_") ? Kind.COUNT : Kind.TEXT;
                currency = columns[i].equals("currency") ? i : currency;
            }
            int[] widths = new int[columns.length];
            List<SXSSFSheet> sheets = new ArrayList<>();
            SXSSFSheet sheet = newSheet(name, sheets, columns, widths);
            int rowNumber = 1;
            for (CsvRecord record = records.next(); record != null; record = records.next()) {
                if (rowNumber == rowsPerSheet) {
                    sheet = newSheet(name, sheets, columns, widths);
                    rowNumber = 1;
                }
                Row row = sheet.createRow(rowNumber++);
                String[] fields = record.fields();
                for (int i = 0; i < fields.length && i < columns.length; i++) {
                    if (!fields[i].isEmpty()) {
                        cell(row.createCell(i), fields[i], kinds[i]);
                        widths[i] = Math.max(widths[i], Math.min(fields[i].length(), MAX_COLUMN_CHARS));
                    }
                }
            }
            for (SXSSFSheet each : sheets) {
                for (int i = 0; i < widths.length; i++) {
                    each.setColumnWidth(i, (widths[i] + 2) * 256);
                }
            }
        }
    }

    /** A sheet with the header row, bold and frozen: name, then "name (2)", ... */
    private SXSSFSheet newSheet(String name, List<SXSSFSheet> sheets, String[] columns, int[] widths) {
        SXSSFSheet sheet = workbook.createSheet(sheets.isEmpty() ? name : name + " (" + (sheets.size() + 1) + ")");
        sheets.add(sheet);
        sheet.createFreezePane(0, 1);
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns[i]);
            cell.setCellStyle(header);
            widths[i] = Math.max(widths[i], columns[i].length());
        }
        return sheet;
    }

    private enum Kind { TEXT, AMOUNT, COUNT }

    private void cell(Cell cell, String value, Kind kind) {
        if (kind == Kind.AMOUNT) {
            // ledger amounts carry exactly their currency's digits (LedgerRows): the scale is the currency's
            BigDecimal amount = number(value);
            if (amount != null && amount.precision() <= EXCEL_DIGITS && amount.scale() >= 0
                    && amount.scale() < amountByDigits.length) {
                cell.setCellValue(amount.doubleValue());
                cell.setCellStyle(amountByDigits[amount.scale()]);
                return;
            }
        } else if (kind == Kind.COUNT) {
            BigDecimal whole = number(value);
            if (whole != null && whole.scale() == 0 && whole.precision() <= EXCEL_DIGITS) {
                cell.setCellValue(whole.doubleValue());
                cell.setCellStyle(count);
                return;
            }
        }
        String shown = value.length() <= EXCEL_MAX_TEXT ? value : value.substring(0, EXCEL_MAX_TEXT - 1) + "\u2026";
        cell.setCellValue(shown);
        cell.setCellStyle(startsLikeAFormula(shown) ? quoted : text);
    }

    /** What a spreadsheet would take for the start of a formula when the text is typed or pasted in. */
    static boolean startsLikeAFormula(String value) {
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** A plain decimal as the ledgers write them (no exponent), else null. */
    private static BigDecimal number(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(c == '-' && i == 0)) {
                return null;
            }
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
