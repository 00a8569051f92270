package com.retail.recon.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file cut into ranges reads, range after range, exactly like the whole file: same records, same line
 * numbers, same raw text, and the same first whole-file error.
 */
class FileRangesTests {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("cancellations.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static List<String> readWhole(Path file) throws IOException {
        List<String> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file)) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r.lineNumber() + "|" + Arrays.toString(r.fields()) + "|" + r.raw());
            }
        }
        return records;
    }

    private static List<String> readRanges(Path file, List<FileRanges.Range> ranges) throws IOException {
        List<String> records = new ArrayList<>();
        for (FileRanges.Range range : ranges) {
            try (CsvRecordReader reader = new CsvRecordReader(file, range)) {
                for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                    records.add(r.lineNumber() + "|" + Arrays.toString(r.fields()) + "|" + r.raw());
                }
            }
        }
        return records;
    }

    @Test
    void rangesStartAtRecordBoundariesNeverInsideAQuotedField() throws IOException {
        Path file = write("\uFEFFa,b,c\r\n1,\"two\nlines, \"\"quoted\"\"\",x\r\n\r\n2,\"\",y\n3,sp\"am,z\n"
                + "4,\"a\r\nb\",w\n5,last,v");
        for (long bytes = 1; bytes < 40; bytes++) {
            List<FileRanges.Range> ranges = FileRanges.split(file, 100, bytes);
            assertThat(ranges.get(0).start()).isZero();
            assertThat(ranges.get(ranges.size() - 1).end()).isEqualTo(Files.size(file));
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).end());
            }
            assertThat(readRanges(file, ranges)).as("cut every %d bytes", bytes).isEqualTo(readWhole(file));
        }
        assertThat(FileRanges.split(file, 100, 1)).hasSizeGreaterThan(4);
    }

    @Test
    void randomFilesReadTheSameInRangesAsWhole() throws IOException {
        Random random = new Random(42);
        String[] pieces = {"a", "b,", ",", "\"q\"", "\"x\"\"y\"", "\"multi\nline\"", "\"c,r\r\nlf\"", "é", "日本",
                "sp\"am", " ", "\r\n", "\n", "\n\n", "\r", "\"bare\rcr\""};
        for (int r = 0; r < 200; r++) {
            int round = r;
            StringBuilder text = new StringBuilder("h1,h2\n");
            int n = 5 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(4) == 0) {
                    text.append('\n');
                }
            }
            Path file = write(text.toString());
            List<String> whole;
            try {
                whole = readWhole(file);
            } catch (InputFileException e) {
                for (int parts : new int[]{2, 3, 7}) {
                    assertThatThrownBy(() -> readRanges(file, FileRanges.split(file, parts, 4)))
                            .as("round %d in %d parts: %s", round, parts, text).hasMessage(e.getMessage());
                }
                continue;
            }
            for (int parts : new int[]{2, 3, 7}) {
                assertThat(readRanges(file, FileRanges.split(file, parts, 4)))
                        .as("round %d in %d parts: %s", round, parts, text).isEqualTo(whole);
            }
        }
    }

    /** The scan reads 64 KiB at a time: quoted fields, escaped quotes and CRLF land across those reads. */
    @Test
    void filesOfManyReadBuffersReadTheSameInRangesAsWhole() throws IOException {
        Random random = new Random(7);
        String[] fields = {"plain", "\"q,\"", "\"x\"\"y\"", "\"multi\nline\"", "\"c,r\r\nlf\"", "日本", "sp\"am", ""};
        StringBuilder text = new StringBuilder("h1,h2,h3\r\n");
        while (text.length() < 600_000) {
            for (int f = 0; f < 3; f++) {
                text.append(f > 0 ? "," : "").append(fields[random.nextInt(fields.length)]);
            }
            text.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        Path file = write(text.toString());
        List<String> whole = readWhole(file);
        for (int parts : new int[]{2, 5, 13, 64}) {
            List<FileRanges.Range> ranges = FileRanges.split(file, parts, 1);
            assertThat(ranges).as("%d parts", parts).hasSize(parts);
            assertThat(readRanges(file, ranges)).as("%d parts", parts).isEqualTo(whole);
        }
    }

    @Test
    void brokenQuotingKeepsTheRestOfTheFileInOneRangeSoTheFirstErrorIsTheSame() throws IOException {
        Path file = write("a,b\n1,2\n3,4\n\"x\"y,5\n6,\"7\n8,9\n10,11\n12,13\n");
        List<FileRanges.Range> ranges = FileRanges.split(file, 10, 2);
        FileRanges.Range broken = ranges.stream().filter(r -> r.firstLine() <= 4).reduce((a, b) -> b).orElseThrow();
        assertThat(broken.end()).as("nothing after the broken line is cut off").isEqualTo(Files.size(file));
        assertThatThrownBy(() -> readRanges(file, ranges)).isInstanceOf(InputFileException.class)
                .hasMessage("cancellations.csv line 4: a quoted field is followed by 'y' instead of a comma or the end "
                        + "of the line");
    }

    @Test
    void aBareCrKeepsTheRestOfTheFileInOneRange_soTheFirstErrorIsTheSame() throws IOException {
        Path file = write("a,b\n1,2\n3,4\n5,x\ry\n6,\"7\r\"\n8,9\n10,11\n12,13\n");
        List<FileRanges.Range> ranges = FileRanges.split(file, 10, 2);
        FileRanges.Range broken = ranges.stream().filter(r -> r.firstLine() <= 4).reduce((a, b) -> b).orElseThrow();
        assertThat(broken.end()).as("nothing after the bare CR is cut off").isEqualTo(Files.size(file));
        assertThatThrownBy(() -> readRanges(file, ranges)).isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("cancellations.csv line 4: a carriage return (CR) outside quotes");
    }

    @Test
    void aCrInsideQuotesOrBeforeLf_doesNotStopTheCuts() throws IOException {
        Path file = write("a,b\r\n1,\"x\ry\"\r\n2,\"\r\"\n3,z\r\n4,w\r\n5,v\r\n");
        List<FileRanges.Range> ranges = FileRanges.split(file, 10, 2);
        assertThat(ranges).hasSizeGreaterThan(4);
        assertThat(readRanges(file, ranges)).isEqualTo(readWhole(file));
    }

    @Test
    void smallFilesAndOnePartStayWhole() throws IOException {
        Path file = write("a,b\n1,2\n");
        assertThat(FileRanges.split(file, 4, 1 << 20)).containsExactly(new FileRanges.Range(0, 0, Files.size(file), 1));
        assertThat(FileRanges.split(file, 1, 1)).hasSize(1);
    }
}
