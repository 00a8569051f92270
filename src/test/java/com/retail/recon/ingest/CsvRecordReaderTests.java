package com.retail.recon.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4180 reading with physical line numbers, raw text, BOM, CRLF, blank lines and whole-file errors. */
class CsvRecordReaderTests {

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
