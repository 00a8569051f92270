package com.retail.recon.ingest;

/**
 * One record of an input file: its fields, the physical line where it starts (header = line 1), and its
 * raw text (its physical lines joined with {@code \n}).
 */
public record CsvRecord(long lineNumber, String[] fields, String raw) {
}
