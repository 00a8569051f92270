package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.system.Progress;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the records of one range of an inbox file (see {@link FileRanges}) for one partition of the ingest
 * step. Restartable: Spring Batch saves the number of records read with each committed chunk, and a restart
 * skips that many. A missing file reads as empty (the command line refuses a missing file before the job
 * starts unless --allow-missing was given).
 */
class InboxFileReader extends AbstractItemCountingItemStreamItemReader<InboxFileReader.HeaderedRecord> {

    /** A record with the header that says which field is which column. */
    public record HeaderedRecord(CsvHeader header, CsvRecord record) {
    }

    private final InputFile file;
    private final Path path;
    private final FileRanges.Range range;
    private CsvRecordReader records;
    private CsvHeader header;
    private long recordsRead;

    public InboxFileReader(InputFile file, Path path, FileRanges.Range range) {
        this.file = file;
        this.path = path;
        this.range = range;
        setName("ingest-" + file.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The whole file as one range. */
    public InboxFileReader(InputFile file, Path path) throws IOException {
        this(file, path, FileRanges.split(path, 1, 0).get(0));
    }

    @Override
    protected void doOpen() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        if (range.holdsHeader()) {
            records = new CsvRecordReader(path, range);
            header = CsvHeader.of(file, records.next());
        } else {
            try (CsvRecordReader start = new CsvRecordReader(path)) {
                header = CsvHeader.of(file, start.next());
            }
            records = new CsvRecordReader(path, range);
        }
    }

    @Override
    protected HeaderedRecord doRead() throws IOException {
        if (records == null) {
            return null;
        }
        CsvRecord record = records.next();
        if (record == null) {
            return null;
        }
        recordsRead++;
        return new HeaderedRecord(header, record);
    }

    @Override
    protected void doClose() throws IOException {
        if (records != null) {
            records.close();
            records = null;
        }
    }

    /**
     * Records read so far, restarts included: the "rows read" of the file. (Counted here because the base
     * class's count includes the final read that finds the end.) A restart re-reads the records it skips,
     * which counts them again from zero.
     */
    public static long recordsRead(ExecutionContext context, InputFile file) {
        String key = recordsKey(file);
        return context.containsKey(key) ? context.getLong(key) : 0;
    }

    private static String recordsKey(InputFile file) {
        return "ingest-" + file.name().toLowerCase(java.util.Locale.ROOT) + ".records";
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        super.update(executionContext);
        executionContext.putLong(recordsKey(file), recordsRead);
        if (records != null) {
            executionContext.putLong(Progress.DONE, records.bytesRead());
            executionContext.putLong(Progress.TOTAL, range.end() - range.start());
        }
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        try {
            super.open(executionContext);
        } catch (ItemStreamException e) {
            if (e.getCause() instanceof InputFileException inputProblem) {
                throw inputProblem;
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }
}
