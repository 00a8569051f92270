package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.LocalDate;

/** The ingest step's processor: every record comes out accepted or rejected, never dropped. */
record RowValidator(InputFile file, RowParsers parsers, LocalDate businessDate)
        implements ItemProcessor<InboxFileReader.HeaderedRecord, IngestedRow> {

    @Override
    public IngestedRow process(InboxFileReader.HeaderedRecord item) {
        CsvRecord record = item.record();
        try {
            return new IngestedRow.Accepted(record.lineNumber(),
                    parsers.parse(file, item.header(), record, businessDate));
        } catch (RowRejected rejected) {
            return new IngestedRow.Rejected(record.lineNumber(), rejected.reason(), rejected.field(),
                    IngestedRow.Rejected.storable(record.raw()));
        }
    }
}
