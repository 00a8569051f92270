package com.retail.recon.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4180 reading with physical line numbers, raw text, BOM, CRLF, blank lines and whole-file errors. */
class CsvRecordReaderTests {

    @TempDir
    Path folder;

    private static List<CsvRecord> read(byte[] bytes) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader("cancellations.csv", new ByteArrayInputStream(bytes))) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    private static List<CsvRecord> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> records = read("a,b,c\n1,\"x, \"\"y\"\"\nz\",3\n4,5,6\n");
        assertThat(records).hasSize(3);
        assertThat(records.get(1).fields()).containsExactly("1", "x, \"y\"\nz", "3");
        assertThat(records.get(1).lineNumber()).isEqualTo(2);
        assertThat(records.get(1).raw()).isEqualTo("1,\"x, \"\"y\"\"\nz\",3");
        assertThat(records.get(2).lineNumber()).as("the record after a two-line record starts on line 4")
                .isEqualTo(4);
    }

    @Test
    void crlfAndLfAreBothLineEndings_andABomIsIgnored() throws IOException {
        List<CsvRecord> records = read("\uFEFFa,b\r\n1,2\r\n3,\"multi\r\nline\"\r\n");
        assertThat(records.get(0).fields()).containsExactly("a", "b");
        assertThat(records.get(1).fields()).containsExactly("1", "2");
        assertThat(records.get(2).fields()).as("a line break inside quotes is data: kept as written")
                .containsExactly("3", "multi\r\nline");
        assertThat(records.get(2).raw()).isEqualTo("3,\"multi\r\nline\"");
    }

    @Test
    void blankLinesAreNotRecordsButCountAsLines() throws IOException {
        List<CsvRecord> records = read("a,b\n\n1,2\n   \n3,4");
        assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(1L, 3L, 5L);
    }

    @Test
    void nonAsciiTextIsKept() throws IOException {
        assertThat(read("a\n\"注文を間違えました – danke\"\n").get(1).fields())
                .containsExactly("注文を間違えました – danke");
    }

    @Test
    void unterminatedQuotedField_namesTheLineWhereTheRecordStarts() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3,\"never closed\n4,5\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("cancellations.csv line 3: a quoted field is not terminated before the end of the file "
                        + "(truncated export?)");
    }

    @Test
    void textAfterAClosingQuote_isAWholeFileError_neverAMergedRow() {
        assertThatThrownBy(() -> read("a,b,c\nR-1,\"changed my mind\" ,x\nR-2,\"too slow\",y\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("cancellations.csv line 2: a quoted field is followed by ' ' instead of a comma or the "
                        + "end of the line");
    }

    @Test
    void aBareCrBetweenTwoRecords_isAWholeFileProblem_neverTwoRecordsMerged() {
        // with a trailing column beyond those the parser needs, T-2 used to become extra fields of T-1
        assertThatThrownBy(() -> read("txn_id,amount,note\nT-1,5.00,x\rT-2,6.00,y\nT-3,7.00,z\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("cancellations.csv line 2: a carriage return (CR) outside quotes that does not end a "
                        + "CRLF line ending; recon reads CRLF or LF line endings only");
    }

    @Test
    void aBareCrEndingAnUnquotedLastColumn_isAWholeFileProblem() {
        // the free-text reason as the last column: R-2 used to become part of R-1's reason
        assertThatThrownBy(() -> read("request_id,status,reason\nR-1,REQUESTED,changed my mind\r"
                + "R-2,REQUESTED,too slow\r\nR-3,REQUESTED,x\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("cancellations.csv line 2: a carriage return (CR) outside quotes");
    }

    @Test
    void aBareCrOnALineOfItsOwn_orBeforeACrlf_isAWholeFileProblem() {
        assertThatThrownBy(() -> read("a,b\n1,2\r\r\n3,4\n")).isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("cancellations.csv line 2: a carriage return (CR)");
        assertThatThrownBy(() -> read("a,b\n1,2\n\r\n\r3,4\n")).isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("cancellations.csv line 4: a carriage return (CR)");
    }

    @Test
    void aBareCrInsideQuotes_isData() throws IOException {
        List<CsvRecord> records = read("a,b\n1,\"x\ry\"\n2,\"\r\"\r\n");
        assertThat(records).hasSize(3);
        assertThat(records.get(1).fields()).containsExactly("1", "x\ry");
        assertThat(records.get(2).fields()).containsExactly("2", "\r");
    }

    @Test
    void aCrAfterAClosingQuote_thatEndsNoCrlf_isAWholeFileProblemSayingSo() {
        assertThatThrownBy(() -> read("a,b\n1,\"x\"\r2,y\n")).isInstanceOf(InputFileException.class)
                .hasMessage("cancellations.csv line 2: a quoted field is followed by a carriage return (CR) that "
                        + "does not end a CRLF line ending; recon reads CRLF or LF line endings only");
    }

    @Test
    void aCrAtTheVeryEndOfTheFile_endsTheLastLine() throws IOException {
        assertThat(read("a,b\r\n1,2\r")).extracting(r -> r.fields()[1]).containsExactly("b", "2");
    }

    @Test
    void aRecordOfTheMaximumSize_isRead_andALongerOne_isAWholeFileProblemNamingWhereItStarts() throws IOException {
        String longest = "x".repeat(CsvRecordReader.MAX_RECORD_CHARS - 2);
        assertThat(read("a,b\n1," + longest + "\n").get(1).raw()).hasSize(CsvRecordReader.MAX_RECORD_CHARS);
        assertThatThrownBy(() -> read("a,b\n1,2\n1," + longest + "y\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("cancellations.csv line 3: a record longer than 1,048,576 characters, the most recon "
                        + "reads as one record (a quoted field left open?)");
        String manyLines = "line\n".repeat(CsvRecordReader.MAX_RECORD_CHARS / 5 + 1);
        assertThatThrownBy(() -> read("a,b\n1,2\n3,\"" + manyLines + "\"\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("cancellations.csv line 3: a record longer than 1,048,576 characters");
    }

    @Test
    void endlessInputWithoutALineBreak_stopsAtTheMaximumRecordSize() {
        java.io.InputStream zeros = new java.io.InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        assertThatThrownBy(() -> {
            try (CsvRecordReader reader = new CsvRecordReader("orders.csv", zeros)) {
                reader.next();
            }
        }).isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("orders.csv line 1: a record longer than 1,048,576 characters");
    }

    /** A device would be read forever and a named pipe blocks the open itself: neither is opened. */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDeviceOrANamedPipe_isRefusedAsNotARegularFile_whileALinkToARegularFileIsRead() throws Exception {
        Path zero = Files.createSymbolicLink(folder.resolve("orders.csv"), Path.of("/dev/zero"));
        Path pipe = folder.resolve("refunds.csv");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Path real = Files.writeString(folder.resolve("real.csv"), "a\n1\n");
        Path link = Files.createSymbolicLink(folder.resolve("cancellations.csv"), real);

        for (Path input : List.of(zero, pipe, folder)) {
            assertThatThrownBy(() -> new CsvRecordReader(input).close())
                    .isInstanceOf(InputFileException.class)
                    .hasMessage(input.getFileName() + ": not a regular file (a device, a named pipe or a folder?); "
                            + "recon reads only regular files");
            assertThatThrownBy(() -> FileRanges.split(input, 4, 1)).isInstanceOf(InputFileException.class);
        }
        try (CsvRecordReader reader = new CsvRecordReader(link)) {
            assertThat(reader.next().fields()).containsExactly("a");
        }
    }

    @Test
    void aQuoteInsideAnUnquotedField_isKeptAsACharacter() throws IOException {
        assertThat(read("a,b\n27\" monitor,5\n").get(1).fields()).containsExactly("27\" monitor", "5");
    }

    @Test
    void emptyQuotedFieldsAndTrailingEmptyFields() throws IOException {
        assertThat(read("a,b,c\n\"\",,\n").get(1).fields()).containsExactly("", "", "");
    }

    @Test
    void aLineOfOtherUnicodeSpaces_isARecordNotABlankLine() throws IOException {
        assertThat(read("a\n\u3000\n")).hasSize(2);
    }

    @Test
    void anInvalidByteFarIntoTheFile_namesItsLine() {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("row").append(i).append(",\"multi\nline\"\n");
        }
        byte[] bytes = (text + "last,x\n").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xFF;
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(InputFileException.class)
                .hasMessage("cancellations.csv line 40002: bytes that are not valid UTF-8");
    }

    @Test
    void bytesThatAreNotUtf8_stopTheFileNamingTheLine() {
        byte[] bytes = "a,b\n1,2\n3,x\n".getBytes(StandardCharsets.UTF_8);
        bytes[10] = (byte) 0xC3; // a lone lead byte in line 3
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(InputFileException.class)
                .hasMessage("cancellations.csv line 3: bytes that are not valid UTF-8");
    }
}
