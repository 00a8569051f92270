package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.system.Database;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The ingest step's writer: accepted rows to their version table, rejected rows to ingest_reject. */
class IngestWriter implements ItemWriter<IngestedRow> {

    private final InputFile file;
    private final LocalDate businessDate;
    private final InputStore store;
    private final Database database;
    private final WithinFileScreen.Partition screen;

    /** @param screen the partition's pass of the within-file rules' screen, or null when it is not screened */
    public IngestWriter(InputFile file, LocalDate businessDate, InputStore store, Database database,
                        WithinFileScreen.Partition screen) {
        this.file = file;
        this.businessDate = businessDate;
        this.store = store;
        this.database = database;
        this.screen = screen;
    }

    @Override
    public void write(Chunk<? extends IngestedRow> chunk) {
        List<IngestedRow.Accepted> accepted = new ArrayList<>(chunk.size());
        List<IngestedRow.Rejected> rejected = new ArrayList<>();
        for (IngestedRow row : chunk) {
            if (row instanceof IngestedRow.Accepted a) {
                accepted.add(a);
                if (screen != null) {
                    screen.accepted(a.value());
                }
            } else {
                rejected.add((IngestedRow.Rejected) row);
            }
        }
        // the chunk's rows and its checkpoint commit together: a crash loses both, and the restart reads them again
        database.commitWithoutWaitingForDisk();
        store.insertAccepted(file, businessDate, accepted);
        store.insertRejects(file, businessDate, rejected);
    }
}
