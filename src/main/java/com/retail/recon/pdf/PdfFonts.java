package com.retail.recon.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts of recon's PDFs, parsed once and reused for many documents, tried in this order for each
 * character:
 * <ol>
 * <li>{@link #CORE}: the Western European part of LiberationSans (ASCII, Latin-1, Latin Extended-A, the
 * Windows-1252 punctuation, the euro sign), cut from the full font once per JVM. Most documents need only this;
 * a small font makes PDFBox's per-document font set-up and subsetting several times cheaper;</li>
 * <li>{@link #LATIN}: the full LiberationSans (from the pdfbox jar, SIL OFL 1.1) for the rest of Latin,
 * Greek, Cyrillic and symbols;</li>
 * <li>{@link #FALLBACK}: IPAGothic ({@code fonts/ipag.ttf}, IPA Font License v1.0) for Japanese, Chinese and
 * whatever else LiberationSans lacks.</li>
 * </ol>
 * The last two are parsed only when a text first needs them, and embedded (as subsets) only in the
 * documents that use them.
 *
 * <p>Every text goes through {@link #clean(String)}: a character that no font has (most emoji, unassigned
 * code points), and every control, format (bidi overrides, zero-width characters) or line/paragraph separator
 * character and unpaired surrogate, becomes {@value #PLACEHOLDER}, so drawing never fails with "No glyph"
 * and nothing invisible can hide or reorder what a receipt says.
 *
 * <p>Glyph substitution (GSUB) is off on every font: PDFBox would otherwise run its GSUB worker on every
 * {@code showText}, which costs most of a receipt's rendering time and only matters for ligatures and
 * scripts that need shaping (which these documents do not get: such text shows unshaped).
 *
 * <p><b>Not thread-safe</b>: a parsed {@link TrueTypeFont} reads its tables lazily, so keep one instance per
 * thread. The font files' bytes are read once per JVM and shared (read-only).
 */
public final class PdfFonts {

    /** Stands in for any character that no font can draw. */
    public static final char PLACEHOLDER = '?';

    /** Index in {@link #fontOf(int)}: the Western European subset of LiberationSans. */
    public static final int CORE = 0;
    /** Index in {@link #fontOf(int)}: the full LiberationSans. */
    public static final int LATIN = 1;
    /** Index in {@link #fontOf(int)}: IPAGothic. */
    public static final int FALLBACK = 2;
    /** {@link #fontOf(int)} of a character no font has. */
    public static final int NONE = -1;
    /** How many fonts there are. */
    public static final int COUNT = 3;

    static final String LATIN_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String FALLBACK_RESOURCE = "/fonts/ipag.ttf";

    private final TrueTypeFont[] fonts = new TrueTypeFont[COUNT];
    private final CmapLookup[] cmaps = new CmapLookup[COUNT];
    private final float[] scales = new float[COUNT];

    /** Per BMP code point: 0 = not yet looked up, else 1 + {@link #fontOf} (so 0 = none). */
    private final byte[] bmpFont = new byte[0x10000];
    /** Advance width in 1/1000 em per BMP code point, NaN when not yet looked up. */
    private final float[] bmpWidth = new float[0x10000];
    /** Per font, glyph id per BMP code point (0 = not yet looked up), made when the font is first drawn with. */
    private final char[][] bmpGlyph = new char[COUNT][];

    public PdfFonts() {
        font(CORE);
        Arrays.fill(bmpWidth, Float.NaN);
    }

    /** The parsed font of that index (parsed on first use). */
    public TrueTypeFont font(int index) {
        TrueTypeFont font = fonts[index];
        if (font == null) {
            byte[] bytes = index == CORE ? FontBytes.core() : index == LATIN ? FontBytes.latin() : FontBytes.fallback();
            try {
                font = parse(bytes);
                cmaps[index] = font.getUnicodeCmapLookup();
                scales[index] = 1000f / font.getUnitsPerEm();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse font " + index, e);
            }
            fonts[index] = font;
        }
        return font;
    }

    private static TrueTypeFont parse(byte[] bytes) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        font.setEnableGsub(false);
        return font;
    }

    /** {@link #CORE}, {@link #LATIN}, {@link #FALLBACK} or {@link #NONE}: the first font that can draw it. */
    public int fontOf(int codePoint) {
        if (codePoint < 0x10000) {
            byte known = bmpFont[codePoint];
            if (known == 0) {
                known = (byte) (1 + lookUp(codePoint));
                bmpFont[codePoint] = known;
            }
            return known - 1;
        }
        return lookUp(codePoint);
    }

    private int lookUp(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return NONE;
        }
        for (int i = 0; i < COUNT; i++) {
            font(i);
            if (cmaps[i].getGlyphId(codePoint) != 0) {
                return i;
            }
        }
        return NONE;
    }

    /**
     * The text with every character that no font has replaced by {@value #PLACEHOLDER}; null becomes "".
     * Returns the same instance when nothing needed replacing.
     */
    public String clean(String text) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
            } else {
                break;
            }
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = null;
        int cp;
        for (int j = i; j < n; j += Character.charCount(cp)) {
            cp = text.codePointAt(j);
            if (fontOf(cp) == NONE) {
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, j);
                }
                out.append(PLACEHOLDER);
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Advance width of a drawable code point, in 1/1000 em (0 for one that no font has). */
    public float advance(int codePoint) {
        if (codePoint < 0x10000) {
            float w = bmpWidth[codePoint];
            if (Float.isNaN(w)) {
                w = measure(codePoint);
                bmpWidth[codePoint] = w;
            }
            return w;
        }
        return measure(codePoint);
    }

    private float measure(int codePoint) {
        int i = fontOf(codePoint);
        if (i == NONE) {
            return 0;
        }
        try {
            return fonts[i].getAdvanceWidth(cmaps[i].getGlyphId(codePoint)) * scales[i];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The glyph id of a code point in a font that has it (as {@link #fontOf(int)} says), which is the CID that
     * the content stream shows: the fonts are embedded with Identity-H and a CIDToGIDMap from these ids.
     */
    public int glyphId(int fontIndex, int codePoint) {
        if (codePoint < 0x10000) {
            char[] glyphs = bmpGlyph[fontIndex];
            if (glyphs == null) {
                glyphs = new char[0x10000];
                bmpGlyph[fontIndex] = glyphs;
            }
            int gid = glyphs[codePoint];
            if (gid == 0) {
                gid = lookUpGlyph(fontIndex, codePoint);
                glyphs[codePoint] = (char) gid;
            }
            return gid;
        }
        return lookUpGlyph(fontIndex, codePoint);
    }

    private int lookUpGlyph(int fontIndex, int codePoint) {
        font(fontIndex);
        int gid = cmaps[fontIndex].getGlyphId(codePoint);
        if (gid == 0) {
            throw new IllegalArgumentException(String.format("No glyph for U+%04X in font %d", codePoint, fontIndex));
        }
        return gid;
    }

    /** Width of a {@link #clean(String) cleaned} text at the given font size, in points. */
    public float width(String cleanText, float size) {
        float w = 0;
        int cp;
        for (int i = 0; i < cleanText.length(); i += Character.charCount(cp)) {
            cp = cleanText.codePointAt(i);
            w += advance(cp);
        }
        return w * size / 1000f;
    }

    /** The code points of {@link #CORE}: ASCII, Latin-1, Latin Extended-A and the rest of Windows-1252. */
    static Set<Integer> coreCodePoints() {
        Set<Integer> set = new HashSet<>();
        for (int c = 0x20; c <= 0x7e; c++) {
            set.add(c);
        }
        for (int c = 0xa0; c <= 0x17f; c++) {
            set.add(c);
        }
        for (int c : new int[] {0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e,
            0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122, 0x2212}) {
            set.add(c);
        }
        return set;
    }

    /** The font files' bytes, read (or made) once per JVM, each when first needed. */
    private static final class FontBytes {
        static byte[] core() {
            return CoreHolder.BYTES;
        }

        static byte[] latin() {
            return LatinHolder.BYTES;
        }

        static byte[] fallback() {
            return FallbackHolder.BYTES;
        }

        private static final class LatinHolder {
            static final byte[] BYTES = read(LATIN_RESOURCE);
        }

        private static final class CoreHolder {
            static final byte[] BYTES = subset(LatinHolder.BYTES, coreCodePoints());
        }

        private static final class FallbackHolder {
            static final byte[] BYTES = read(FALLBACK_RESOURCE);
        }

        private static byte[] subset(byte[] font, Set<Integer> codePoints) {
            try {
                TTFSubsetter subsetter = new TTFSubsetter(new TTFParser().parse(new RandomAccessReadBuffer(font)));
                subsetter.addAll(codePoints);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                subsetter.writeToStream(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot subset " + LATIN_RESOURCE, e);
            }
        }

        private static byte[] read(String resource) {
            try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font " + resource + " is missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + resource, e);
            }
        }
    }
}
