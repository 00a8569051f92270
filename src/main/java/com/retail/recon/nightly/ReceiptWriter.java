package com.retail.recon.nightly;

import com.retail.recon.receipt.ReceiptRenderer;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Renders a chunk of receipts on all cores (one renderer per thread: fonts are parsed once per thread)
 * and writes them into the staging bundle. A file is written whole under its final name; a restarted chunk
 * writes the same names with the same bytes again.
 */
public class ReceiptWriter implements ItemWriter<ReceiptReader.NamedReceipt> {

    private final ThreadLocal<ReceiptRenderer> renderer;
    private final Path folder;
    private final ExecutorService pool;

    public ReceiptWriter(Path folder, ExecutorService pool, java.time.ZoneId zone) {
        this.folder = folder;
        this.pool = pool;
        this.renderer = ThreadLocal.withInitial(() -> new ReceiptRenderer(zone));
    }

    @Override
    public void write(Chunk<? extends ReceiptReader.NamedReceipt> chunk) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        List<Future<?>> writes = new ArrayList<>(chunk.size());
        for (ReceiptReader.NamedReceipt receipt : chunk) {
            writes.add(pool.submit(() -> {
                try {
                    Files.write(folder.resolve(receipt.fileName()), renderer.get().render(receipt.data()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        for (Future<?> write : writes) {
            try {
                write.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("receipt failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
