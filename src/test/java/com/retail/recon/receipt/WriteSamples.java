package com.retail.recon.receipt;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the sample receipts to a folder, to look at them: {@code WriteSamples <dir>}. */
public final class WriteSamples {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/pdf-look");
        Files.createDirectories(dir);
        ReceiptRenderer r = new ReceiptRenderer();
        Files.write(dir.resolve("receipt-typical.pdf"), r.render(ReceiptSamples.typical(1)));
        Files.write(dir.resolve("receipt-japanese.pdf"), r.render(ReceiptSamples.japanese()));
        Files.write(dir.resolve("receipt-hostile.pdf"), r.render(ReceiptSamples.hostile()));
        Files.write(dir.resolve("receipt-empty.pdf"), r.render(ReceiptSamples.empty()));
        Files.write(dir.resolve("receipt-many.pdf"), r.render(ReceiptSamples.manyLines()));
        Files.write(dir.resolve("receipt-scripts.pdf"), r.render(ReceiptSamples.mixedScripts()));
    }
}
