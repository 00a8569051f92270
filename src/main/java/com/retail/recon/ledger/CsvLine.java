package com.retail.recon.ledger;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import org.springframework.batch.infrastructure.item.file.transform.LineAggregator;

import java.io.StringWriter;

/**
 * Formats one ledger row as an RFC 4180 line with minimal quoting (only fields holding a comma, a quote
 * or a line break are quoted), using opencsv's writer. Not thread-safe: one per step.
 */
public final class CsvLine implements LineAggregator<String[]> {

    private final StringWriter buffer = new StringWriter(256);
    private final CSVWriter writer = new CSVWriter(buffer, ICSVWriter.DEFAULT_SEPARATOR,
            ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_QUOTE_CHARACTER, "");

    @Override
    public String aggregate(String[] fields) {
        buffer.getBuffer().setLength(0);
        writer.writeNext(fields, false);
        return buffer.toString();
    }
}
