package com.retail.recon.bundle;

import com.retail.recon.archive.PayloadChecksums;
import com.retail.recon.receipt.ReceiptRenderer;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Renders a chunk of receipts on all cores (one renderer per thread: fonts are parsed once per thread)
 * and writes them into the staging bundle's data/receipts/. A file is written whole under its final name; a
 * restarted chunk writes the same names with the same bytes again. Each receipt is hashed as it is written and
 * the chunk's checksums are {@link PayloadChecksums recorded}, so that bagging does not read the receipts back.
 */
class ReceiptWriter implements ItemWriter<ReceiptReader.NamedReceipt> {

    static final String FOLDER = "data/receipts/";

    private final ThreadLocal<ReceiptRenderer> renderer;
    private final Path bag;
    private final Path folder;
    private final ExecutorService pool;

    /** Writes into {@code bag}'s data/receipts/ (the staging bundle). */
    public ReceiptWriter(Path bag, ExecutorService pool, ZoneId zone) {
        this.bag = bag;
        this.folder = bag.resolve(FOLDER);
        this.pool = pool;
        this.renderer = ThreadLocal.withInitial(() -> new ReceiptRenderer(zone));
    }

    @Override
    public void write(Chunk<? extends ReceiptReader.NamedReceipt> chunk) throws IOException, InterruptedException {
        if (chunk.isEmpty()) {
            return;
        }
        Files.createDirectories(folder);
        List<Future<PayloadChecksums.Entry>> writes = new ArrayList<>(chunk.size());
        for (ReceiptReader.NamedReceipt receipt : chunk) {
            writes.add(pool.submit(() -> {
                byte[] pdf = renderer.get().render(receipt.data());
                Files.write(folder.resolve(receipt.fileName()), pdf);
                return new PayloadChecksums.Entry(PayloadChecksums.sha256(pdf), pdf.length);
            }));
        }
        Map<String, PayloadChecksums.Entry> written = new LinkedHashMap<>();
        int i = 0;
        for (ReceiptReader.NamedReceipt receipt : chunk) {
            try {
                written.put(FOLDER + receipt.fileName(), writes.get(i++).get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("receipt failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        PayloadChecksums.record(bag, "receipts-" + chunk.getItems().get(0).fileName(), written);
    }
}
