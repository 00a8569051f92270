package com.retail.recon.pdf;

import java.util.zip.Deflater;

import org.apache.pdfbox.filter.Filter;

/**
 * Flate compression as PDFBox's FlateFilter does it (zlib format, PDFBox's configured level, by default 6), so
 * the same data gives the same bytes, but with one {@link Deflater} per thread instead of one per stream.
 */
final class Deflation {

    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(
            () -> new Deflater(Filter.getCompressionLevel()));

    private Deflation() {
    }

    static byte[] deflate(byte[] data, int offset, int length) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(data, offset, length);
        deflater.finish();
        Bytes out = new Bytes(Math.max(64, length / 2));
        byte[] buffer = new byte[Math.min(64 * 1024, Math.max(512, length))];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
