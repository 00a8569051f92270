package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.domain.Currencies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is lost or merged: for random refunds files (quoting, CRLF / LF / bare CR line endings, extra
 * columns, extra and missing fields, blank lines, fields holding commas, quotes and line breaks), every record
 * that an independent reference reader sees is read once, as that reader splits it, and comes out accepted or
 * rejected (rows read = accepted + rejected), in one reader or in partitions; or, where the file is not strict
 * RFC 4180 (a bare CR outside quotes, text after a closing quote, a quoted field never closed), the file is
 * refused whole. The seeds are fixed; a failure prints its seed and the file.
 */
class EveryRecordCountedTests {

    private static final LocalDate D = LocalDate.of(2026, 11, 20);
    private static final String[] REQUIRED = InputFile.REFUNDS.columns().toArray(String[]::new);
    /** Free text for the extra columns, each written quoted when it must be. */
    private static final String[] NOTES = {"", "plain", "a, b", "27\" monitor", "say \"hi\"", "two\nlines",
            "crlf\r\ninside", "bare\rcr", "\r", "\n", "日本語 ünï", "  ", "\"", ",", "trailing\r\n"};

    @TempDir
    Path folder;

    @Test
    void everyRecordAReferenceReaderSees_isReadOnceAndAcceptedOrRejected_orTheFileIsRefusedWhole() throws IOException {
        long files = Long.getLong("recon.test.csv-seeds", 300);
        int refused = 0;
        for (long seed = 1; seed <= files; seed++) {
            String text = randomFile(new Random(seed));
            try {
                refused += check(text, new Random(seed)) ? 0 : 1;
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\nthe file, escaped:\n"
                        + text.replace("\r", "\\r").replace("\n", "\\n\n"), e);
            }
        }
        assertThat(refused).as("some files are refused whole, most are not").isBetween(1, (int) files / 2);
    }

    /** @return false when the file was refused whole (as it must be exactly when it is not strict RFC 4180) */
    private boolean check(String text, Random random) throws IOException {
        Path path = folder.resolve("refunds.csv");
        Files.writeString(path, text, StandardCharsets.UTF_8);
        Reference reference = Reference.read(text);

        List<String> whole;
        try {
            whole = ingest(path, List.of(FileRanges.split(path, 1, 0).get(0)));
        } catch (InputFileException e) {
            assertThat(reference.strict).as("refused a strict RFC 4180 file: %s", e.getMessage()).isFalse();
            return false;
        }
        assertThat(reference.strict).as("a file that is not strict RFC 4180 must be refused whole").isTrue();
        assertThat(whole).as("rows read, each as the reference splits it")
                .isEqualTo(reference.expected());
        int parts = 2 + random.nextInt(6);
        assertThat(ingest(path, FileRanges.split(path, parts, 8))).as("in %d partitions", parts).isEqualTo(whole);
        return true;
    }

    /**
     * Reads the ranges as the ingest step's partitions do, and validates each record: one line per record,
     * "line|fields|verdict", where the verdict is the reject reason when the field count is off, else "fits".
     */
    private static List<String> ingest(Path path, List<FileRanges.Range> ranges) throws IOException {
        RowValidator validator = new RowValidator(InputFile.REFUNDS, new RowParsers(Currencies.defaults()), D);
        List<String> rows = new ArrayList<>();
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        for (FileRanges.Range range : ranges) {
            InboxFileReader reader = new InboxFileReader(InputFile.REFUNDS, path, range);
            reader.open(new ExecutionContext());
            try {
                for (InboxFileReader.HeaderedRecord item = reader.read(); item != null; item = reader.read()) {
                    read++;
                    IngestedRow row = validator.process(item);
                    String verdict = "fits";
                    if (row instanceof IngestedRow.Rejected r) {
                        rejected++;
                        if (r.reason() == RejectReason.TOO_FEW_FIELDS || r.reason() == RejectReason.TOO_MANY_FIELDS) {
                            verdict = r.reason().name();
                        }
                    } else {
                        accepted++;
                    }
                    rows.add(item.record().lineNumber() + "|" + List.of(item.record().fields()) + "|" + verdict);
                }
            } catch (InputFileException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                reader.close();
            }
        }
        assertThat(accepted + rejected).as("rows read = accepted + rejected").isEqualTo(read);
        return rows;
    }

    // ---- the random files

    private static String randomFile(Random random) {
        List<String> columns = new ArrayList<>(List.of(REQUIRED));
        Collections.shuffle(columns, random);
        int extras = random.nextInt(3);
        for (int i = 0; i < extras; i++) {
            // an extra trailing column is the common case (and where the merged record hid)
            columns.add(random.nextBoolean() ? columns.size() : random.nextInt(columns.size() + 1), "note" + i);
        }
        boolean bareCrs = random.nextInt(4) == 0;
        boolean brokenQuote = random.nextInt(25) == 0;
        StringBuilder text = new StringBuilder(random.nextInt(5) == 0 ? "\uFEFF" : "");
        text.append(String.join(",", columns)).append(lineEnding(random, bareCrs));
        int rows = 3 + random.nextInt(30);
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(10) == 0) {
                text.append(random.nextBoolean() ? "" : " \t ").append(lineEnding(random, bareCrs));
            }
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                fields.add(field(random, column, i));
            }
            int shape = random.nextInt(10);
            if (shape == 0) {
                fields.add(field(random, "note", i));   // more fields than the header
            } else if (shape == 1 && fields.size() > 1) {
                fields.remove(fields.size() - 1);       // fewer
            }
            if (brokenQuote && random.nextInt(rows) == 0) {
                fields.set(0, "\"x\"y");
            }
            text.append(String.join(",", fields));
            if (i < rows - 1 || random.nextBoolean()) {
                text.append(lineEnding(random, bareCrs));
            }
        }
        if (random.nextInt(40) == 0) {
            text.append("T-x,\"never closed");
        }
        return text.toString();
    }

    private static String lineEnding(Random random, boolean bareCrs) {
        if (bareCrs && random.nextInt(12) == 0) {
            return "\r";
        }
        return random.nextBoolean() ? "\r\n" : "\n";
    }

    private static String field(Random random, String column, int row) {
        boolean settled = row % 3 != 0;
        String value = switch (column) {
            case "txn_id" -> "T-" + row;
            case "order_id" -> "O-" + row;
            case "request_id" -> row % 4 == 0 ? "" : "R-" + row;
            case "method" -> row % 2 == 0 ? "ORIGINAL_PAYMENT" : "ACCOUNT_CREDIT";
            case "amount" -> random.nextInt(12) == 0 ? "ten" : "10.00";
            case "currency" -> "USD";
            case "status" -> settled ? "SETTLED" : "PENDING";
            case "created_at" -> "2026-11-20T12:00:00Z";
            case "settled_at" -> settled ? "2026-11-20T13:00:00Z" : "";
            default -> NOTES[random.nextInt(NOTES.length)];
        };
        boolean mustQuote = value.contains(",") || value.contains("\"") || value.contains("\n")
                || value.contains("\r");
        if (mustQuote || random.nextInt(8) == 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    // ---- the reference

    /**
     * An independent RFC 4180 reader, character by character and lenient where recon is strict: CRLF, LF or a
     * lone CR ends a record outside quotes (as most CSV readers take it), text after a closing quote is kept,
     * and either makes the file not strict; so does a quoted field never closed. A record whose only field is
     * unquoted spaces and tabs is a blank line, not a record (recon's documented rule).
     */
    private static final class Reference {

        record Rec(long line, List<String> fields) {
        }

        final List<Rec> records = new ArrayList<>();
        boolean strict = true;

        static Reference read(String text) {
            Reference reference = new Reference();
            String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
            int n = s.length();
            int i = 0;
            long line = 1;
            while (i < n) {
                long start = line;
                List<String> fields = new ArrayList<>();
                boolean quoted = false;
                while (true) {
                    StringBuilder field = new StringBuilder();
                    if (i < n && s.charAt(i) == '"') {
                        quoted = true;
                        i++;
                        while (true) {
                            if (i >= n) {
                                reference.strict = false;   // never closed
                                return reference;
                            }
                            char c = s.charAt(i);
                            if (c == '"' && i + 1 < n && s.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                            } else if (c == '"') {
                                i++;
                                break;
                            } else {
                                line += c == '\n' ? 1 : 0;
                                field.append(c);
                                i++;
                            }
                        }
                        while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                            reference.strict = false;   // text after the closing quote
                            field.append(s.charAt(i++));
                        }
                    } else {
                        while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                            field.append(s.charAt(i++));
                        }
                    }
                    fields.add(field.toString());
                    if (i < n && s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    if (i < n && s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                        i += 2;
                    } else if (i < n && s.charAt(i) == '\r') {
                        reference.strict &= i == n - 1;   // a lone CR ending the file ends its last line
                        i++;
                    } else if (i < n) {
                        i++;
                    }
                    if (i <= n && i > 0 && s.charAt(i - 1) == '\n') {
                        line++;
                    }
                    break;
                }
                boolean blank = !quoted && fields.size() == 1 && fields.get(0).chars().allMatch(c -> c == ' ' || c == '\t');
                if (!blank) {
                    reference.records.add(new Rec(start, fields));
                }
            }
            return reference;
        }

        /** What recon must read: each record after the header, and whether its field count fits the header. */
        List<String> expected() {
            int headerSize = records.get(0).fields.size();
            List<String> rows = new ArrayList<>();
            for (Rec rec : records.subList(1, records.size())) {
                int size = rec.fields.size();
                String verdict = size < headerSize ? "TOO_FEW_FIELDS" : size > headerSize ? "TOO_MANY_FIELDS" : "fits";
                rows.add(rec.line + "|" + rec.fields + "|" + verdict);
            }
            return rows;
        }
    }
}
