package com.retail.recon.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Embedded font subsets, made once per set of characters and copied into every document that uses exactly
 * that set.
 *
 * <p>Embedding a subset is most of the cost of a small document: PDFBox cuts the font to the characters used,
 * deflates it, inflates and parses it again, and builds the widths, the ToUnicode and CIDToGIDMap streams and
 * the CIDSet. Receipts use few distinct character sets (the labels are fixed; ids and amounts vary within
 * digits and a few letters), so the result is kept: PDFBox's own embedder makes it once, on a scratch
 * document, and it is kept as the font dictionaries' values and the streams' encoded bytes. Copying that into a
 * document gives exactly the objects the embedder would have made there (the subset tag is derived from the
 * glyphs, not from the document), so documents are the same bytes as without the cache.
 *
 * <p>Kept for all threads, least recently used dropped first beyond {@value #BUDGET_BYTES} bytes of streams.
 * Thread-safe.
 */
final class FontSubsets {

    static final long BUDGET_BYTES = 48L << 20;

    private static final Map<Key, Node.Dict> CACHE = new LinkedHashMap<>(256, 0.75f, true);
    private static long cachedBytes;

    private FontSubsets() {
    }

    /**
     * Fills {@code target} (an empty dictionary already referenced from the document's pages) with the Type0
     * font dictionary of {@code fonts}' font {@code fontIndex} subset to {@code codePoints} (ascending, as
     * PDFBox's embedder would write it), its streams created in {@code document}.
     */
    static void embed(PdfFonts fonts, int fontIndex, int[] codePoints, COSDictionary target, COSDocument document) {
        Key key = new Key(fontIndex, codePoints);
        Node.Dict font;
        synchronized (CACHE) {
            font = CACHE.get(key);
        }
        if (font == null) {
            font = make(fonts, fontIndex, codePoints);
            synchronized (CACHE) {
                if (CACHE.putIfAbsent(key, font) == null) {
                    cachedBytes += font.bytes();
                    var eldest = CACHE.entrySet().iterator();
                    while (cachedBytes > BUDGET_BYTES && CACHE.size() > 1) {
                        cachedBytes -= eldest.next().getValue().bytes();
                        eldest.remove();
                    }
                }
            }
        }
        font.copyInto(target, document);
    }

    /** Forgets every kept subset (for tests: the next documents make theirs again). */
    static void clear() {
        synchronized (CACHE) {
            CACHE.clear();
            cachedBytes = 0;
        }
    }

    /** PDFBox embeds the subset on a scratch document; the result is read back as values and bytes. */
    private static Node.Dict make(PdfFonts fonts, int fontIndex, int[] codePoints) {
        try (PDDocument scratch = new PDDocument()) {
            PDType0Font font = PDType0Font.load(scratch, fonts.font(fontIndex), true);
            for (int codePoint : codePoints) {
                font.addToSubset(codePoint);
            }
            font.subset();
            return (Node.Dict) Node.of(font.getCOSObject());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed font " + fontIndex, e);
        }
    }

    private record Key(int font, int[] codePoints) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.font == font && Arrays.equals(k.codePoints, codePoints);
        }

        @Override
        public int hashCode() {
            return 31 * font + Arrays.hashCode(codePoints);
        }
    }

    /** An immutable copy of a COS object tree; COSName, COSInteger, COSBoolean and COSNull are shared. */
    private sealed interface Node {

        COSBase copy(COSDocument document);

        long bytes();

        static Node of(COSBase base) throws IOException {
            COSBase value = base instanceof COSObject indirect ? indirect.getObject() : base;
            if (value instanceof COSStream stream) {
                byte[] raw;
                try (InputStream in = stream.createRawInputStream()) {
                    raw = in.readAllBytes();
                }
                return new Stream(entries(stream), raw);
            }
            if (value instanceof COSDictionary dictionary) {
                return entries(dictionary);
            }
            if (value instanceof COSArray array) {
                Node[] items = new Node[array.size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = of(array.get(i));
                }
                return new Items(items, array.isDirect());
            }
            if (value instanceof COSFloat number) {
                return new Real(number.floatValue());
            }
            if (value instanceof COSString string) {
                return new Chars(string.getBytes(), string.getForceHexForm());
            }
            if (value instanceof COSName || value instanceof COSInteger || value instanceof COSBoolean
                    || value instanceof COSNull) {
                return new Shared(value);
            }
            throw new IllegalStateException("unexpected object in an embedded font: " + value);
        }

        private static Dict entries(COSDictionary dictionary) throws IOException {
            COSName[] keys = dictionary.keySet().toArray(new COSName[0]);
            Node[] values = new Node[keys.length];
            for (int i = 0; i < keys.length; i++) {
                values[i] = of(dictionary.getItem(keys[i]));
            }
            return new Dict(keys, values, dictionary.isDirect());
        }

        record Dict(COSName[] keys, Node[] values, boolean direct) implements Node {
            @Override
            public COSBase copy(COSDocument document) {
                COSDictionary out = new COSDictionary();
                copyInto(out, document);
                return out;
            }

            void copyInto(COSDictionary out, COSDocument document) {
                for (int i = 0; i < keys.length; i++) {
                    out.setItem(keys[i], values[i].copy(document));
                }
                out.setDirect(direct);
            }

            @Override
            public long bytes() {
                long sum = 0;
                for (Node value : values) {
                    sum += value.bytes();
                }
                return sum;
            }
        }

        record Stream(Dict dictionary, byte[] raw) implements Node {
            @Override
            public COSBase copy(COSDocument document) {
                COSStream out = document.createCOSStream();
                dictionary.copyInto(out, document);
                try (OutputStream o = out.createRawOutputStream()) {
                    o.write(raw);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return out;
            }

            @Override
            public long bytes() {
                return raw.length + dictionary.bytes();
            }
        }

        record Items(Node[] items, boolean direct) implements Node {
            @Override
            public COSBase copy(COSDocument document) {
                COSArray out = new COSArray();
                for (Node item : items) {
                    out.add(item.copy(document));
                }
                out.setDirect(direct);
                return out;
            }

            @Override
            public long bytes() {
                long sum = 16L * items.length;
                for (Node item : items) {
                    sum += item.bytes();
                }
                return sum;
            }
        }

        record Real(float value) implements Node {
            @Override
            public COSBase copy(COSDocument document) {
                return new COSFloat(value);
            }

            @Override
            public long bytes() {
                return 16;
            }
        }

        record Chars(byte[] value, boolean forceHex) implements Node {
            @Override
            public COSBase copy(COSDocument document) {
                return new COSString(value, forceHex);
            }

            @Override
            public long bytes() {
                return 16 + value.length;
            }
        }

        record Shared(COSBase value) implements Node {
            @Override
            public COSBase copy(COSDocument document) {
                return value;
            }

            @Override
            public long bytes() {
                return 16;
            }
        }
    }
}
