package com.retail.recon.metrics;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.retail.recon.domain.InputFile;
import com.retail.recon.ingest.CsvRecordReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What recon's gauges must say after the sample inbox has run, worked out from the sample's hand-made expected
 * ledgers (sample-data/expected) and its inbox, never from the store the run wrote.
 */
final class SampleNight {

    static final Path INBOX = Path.of("sample-data/inbox");
    static final Path EXPECTED = Path.of("sample-data/expected");

    private SampleNight() {
    }

    /** The sample's business dates, oldest first. */
    static List<LocalDate> dates() {
        try (Stream<Path> folders = Files.list(INBOX)) {
            return folders.map(folder -> LocalDate.parse(folder.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDate latest() {
        List<LocalDate> dates = dates();
        return dates.get(dates.size() - 1);
    }

    /** The rows of an expected ledger of a date, each as column name to value. */
    static List<Map<String, String>> ledger(LocalDate date, String name) {
        return csv(EXPECTED.resolve(date.toString()).resolve(name));
    }

    /** The expected case listing after the last date (every case, CLOSED ones included). */
    static List<Map<String, String>> cases() {
        return csv(EXPECTED.resolve("cases.csv"));
    }

    /** Rows of the date's inbox file: its records after the header. */
    static long inputRows(LocalDate date, InputFile file) {
        try (CsvRecordReader records = new CsvRecordReader(INBOX.resolve(date.toString()).resolve(file.fileName()))) {
            long rows = -1;
            while (records.next() != null) {
                rows++;
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many of the rows have the given values in the given columns. */
    static long count(List<Map<String, String>> rows, Map<String, String> values) {
        return rows.stream().filter(row -> row.entrySet().containsAll(values.entrySet())).count();
    }

    private static List<Map<String, String>> csv(Path file) {
        try (CSVReader reader = new CSVReaderBuilder(Files.newBufferedReader(file))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            List<String[]> lines = reader.readAll();
            List<Map<String, String>> rows = new ArrayList<>();
            for (String[] line : lines.subList(1, lines.size())) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < lines.get(0).length; i++) {
                    row.put(lines.get(0)[i], i < line.length ? line[i] : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException | com.opencsv.exceptions.CsvException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
