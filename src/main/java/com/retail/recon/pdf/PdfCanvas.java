package com.retail.recon.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Pages of one document being laid out top to bottom: a cursor {@link #y}, text in the fonts of a
 * {@link PdfFonts} (each character in the first font that has it, each font embedded as a subset only when
 * used), wrapping and visible truncation, rectangles and rules. Every page's content stream stays open until
 * {@link #finish(PageDecorator)}, which draws the page footers ("page N of M") and closes them.
 *
 * <p>The content streams are written here rather than with PDFBox's {@code PDPageContentStream} (the same
 * operators, formatted the same way), text as glyph ids: so the characters each font draws are known, and the
 * fonts are embedded when the document is finished, each as the subset of exactly those characters, taken from
 * {@link FontSubsets} when an earlier document used the same ones.
 *
 * <p>Texts given to the drawing and measuring methods must have been {@link #clean(String) cleaned}.
 * One canvas per document, used by one thread.
 */
public final class PdfCanvas {

    /** Colours as DeviceRGB components (the documents' output intent is sRGB). */
    public static final float[] BLACK = {0f, 0f, 0f};
    public static final float[] TEXT = {0.12f, 0.12f, 0.14f};
    public static final float[] MUTED = {0.40f, 0.42f, 0.46f};
    public static final float[] RULE = {0.78f, 0.80f, 0.84f};
    public static final float[] SHADE = {0.945f, 0.953f, 0.965f};
    public static final float[] HEADER = {0.88f, 0.90f, 0.93f};
    public static final float[] ACCENT = {0.13f, 0.35f, 0.60f};
    public static final float[] WHITE = {1f, 1f, 1f};

    /** The ellipsis that marks a truncated text. */
    public static final String ELLIPSIS = "\u2026";

    /** Draws what every page carries (footer, page number) once the page count is known. */
    @FunctionalInterface
    public interface PageDecorator {
        void decorate(PdfCanvas canvas, int pageNumber, int pageCount) throws IOException;
    }

    private static final COSName[] FONT_NAMES = {COSName.getPDFName("F1"), COSName.getPDFName("F2"),
        COSName.getPDFName("F3")};

    /** A page being drawn: its content so far, where it goes, and the fonts it names (F1, F2, ... by first use). */
    private static final class Page {
        final PageContent content = new PageContent();
        final COSStream stream;
        final COSDictionary resources;
        final int[] fontNames = new int[PdfFonts.COUNT];
        int namedFonts;

        Page(COSStream stream, COSDictionary resources) {
            this.stream = stream;
            this.resources = resources;
        }
    }

    private final PDDocument document;
    private final PdfFonts fonts;
    private final PDRectangle pageSize;
    /** Per font, its Type0 font dictionary (filled in by {@link #finish}) once a page uses it. */
    private final COSDictionary[] fontDictionaries = new COSDictionary[PdfFonts.COUNT];
    /** Per font, the code points drawn with it. */
    private final BitSet[] drawn = new BitSet[PdfFonts.COUNT];
    private final List<Page> pages = new ArrayList<>();
    private final byte[] oneGlyph = new byte[2];

    public final float left;
    public final float right;
    public final float top;
    public final float bottom;
    /** The layout cursor: the top of the next thing to draw. */
    public float y;

    private Page page;
    private PageContent stream;
    private boolean inText;
    private int currentFont;
    private float currentSize;
    private float[] currentFill;
    private float[] currentStroke;
    private float currentLineWidth = -1;

    public PdfCanvas(PDDocument document, PdfFonts fonts, PDRectangle pageSize, float marginX, float marginTop,
            float marginBottom) {
        this.document = document;
        this.fonts = fonts;
        this.pageSize = pageSize;
        this.left = marginX;
        this.right = pageSize.getWidth() - marginX;
        this.top = pageSize.getHeight() - marginTop;
        this.bottom = marginBottom;
    }

    public PdfFonts fonts() {
        return fonts;
    }

    public int pageCount() {
        return pages.size();
    }

    /** Starts a new page and puts the cursor at its top margin. */
    public void newPage() {
        if (inText) {
            throw new IllegalStateException("newPage inside a text object");
        }
        PDPage pdPage = new PDPage(pageSize);
        document.addPage(pdPage);
        PDResources resources = new PDResources();
        pdPage.setResources(resources);
        COSStream contents = document.getDocument().createCOSStream();
        pdPage.setContents(new PDStream(contents));
        page = new Page(contents, resources.getCOSObject());
        pages.add(page);
        stream = page.content;
        resetState();
        y = top;
    }

    private void resetState() {
        currentFont = -1;
        currentSize = 0;
        currentFill = null;
        currentStroke = null;
        currentLineWidth = -1;
    }

    /** Starts a new page when less than {@code height} is left above the bottom margin; says whether it did. */
    public boolean ensure(float height) {
        if (y - height < bottom) {
            newPage();
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- text

    /** See {@link PdfFonts#clean(String)}. */
    public String clean(String text) {
        return fonts.clean(text);
    }

    public float width(String cleanText, float size) {
        return fonts.width(cleanText, size);
    }

    /** Groups several {@link #text} calls into one text object (cheaper); close with {@link #endText()}. */
    public void beginText() {
        if (inText) {
            throw new IllegalStateException("nested beginText");
        }
        stream.operator("BT");
        inText = true;
    }

    public void endText() {
        if (!inText) {
            throw new IllegalStateException("endText without beginText");
        }
        stream.operator("ET");
        inText = false;
    }

    /** Draws a cleaned text with its baseline at {@code baseline}, starting at {@code x}. */
    public void text(float x, float baseline, float size, float[] rgb, String cleanText) {
        if (cleanText.isEmpty()) {
            return;
        }
        boolean own = !inText;
        if (own) {
            beginText();
        }
        fill(rgb);
        stream.operand(1).operand(0).operand(0).operand(1).operand(x).operand(baseline).operator("Tm");
        showRuns(cleanText, size);
        if (own) {
            endText();
        }
    }

    /** Draws a cleaned text ending at {@code xRight}. */
    public void textRight(float xRight, float baseline, float size, float[] rgb, String cleanText) {
        text(xRight - width(cleanText, size), baseline, size, rgb, cleanText);
    }

    private void showRuns(String text, float size) {
        int n = text.length();
        int runStart = 0;
        int runFont = -2;
        int cp;
        for (int i = 0; i < n; i += Character.charCount(cp)) {
            cp = text.codePointAt(i);
            int f = cp >= 0x20 && cp < 0x7f ? PdfFonts.CORE : fonts.fontOf(cp);
            if (f == PdfFonts.NONE) {
                throw new IllegalArgumentException("text was not cleaned: U+" + Integer.toHexString(cp));
            }
            if (f != runFont) {
                if (i > runStart) {
                    show(runFont, size, text.substring(runStart, i));
                }
                runStart = i;
                runFont = f;
            }
        }
        show(runFont, size, runStart == 0 ? text : text.substring(runStart));
    }

    /** Shows a run of text that one font draws: as PDFBox shows it with a Type0 font, Identity-H, glyph ids. */
    private void show(int fontIndex, float size, String run) {
        if (fontIndex != currentFont || size != currentSize) {
            stream.operand(fontName(fontIndex)).operand(size).operator("Tf");
            currentFont = fontIndex;
            currentSize = size;
        }
        BitSet used = drawn[fontIndex];
        if (used == null) {
            used = new BitSet();
            drawn[fontIndex] = used;
        }
        int n = run.length();
        byte[] glyphs = n == 1 ? oneGlyph : new byte[2 * run.codePointCount(0, n)];
        int at = 0;
        int cp;
        for (int i = 0; i < n; i += Character.charCount(cp)) {
            cp = run.codePointAt(i);
            int gid = fonts.glyphId(fontIndex, cp);
            glyphs[at++] = (byte) (gid >> 8);
            glyphs[at++] = (byte) gid;
            used.set(cp);
        }
        stream.string(glyphs).operator("Tj");
    }

    /** The page's resource name of a font (the first font the page uses is F1, and so on). */
    private COSName fontName(int fontIndex) {
        int named = page.fontNames[fontIndex];
        if (named == 0) {
            COSDictionary font = fontDictionaries[fontIndex];
            if (font == null) {
                font = new COSDictionary();
                fontDictionaries[fontIndex] = font;
            }
            COSDictionary pageFonts = page.resources.getCOSDictionary(COSName.FONT);
            if (pageFonts == null) {
                pageFonts = new COSDictionary();
                page.resources.setItem(COSName.FONT, pageFonts);
            }
            named = ++page.namedFonts;
            pageFonts.setItem(FONT_NAMES[named - 1], font);
            page.fontNames[fontIndex] = named;
        }
        return FONT_NAMES[named - 1];
    }

    /**
     * Splits a cleaned text into lines no wider than {@code maxWidth}, breaking at a space or after a hyphen,
     * slash, underscore, comma or semicolon where possible and anywhere otherwise. Past {@code maxLines} the last line ends with an ellipsis.
     */
    public List<String> wrap(String cleanText, float size, float maxWidth, int maxLines) {
        float limit = maxWidth * 1000f / size;
        int n = cleanText.length();
        List<String> lines = new ArrayList<>(2);
        int start = 0;
        while (start < n) {
            if (lines.size() == maxLines - 1) {
                lines.add(fit(cleanText.substring(start), size, maxWidth));
                break;
            }
            float w = 0;
            int i = start;
            int breakAt = -1;
            int cp;
            while (i < n) {
                cp = cleanText.codePointAt(i);
                float a = fonts.advance(cp);
                if (w + a > limit && i > start) {
                    break;
                }
                w += a;
                i += Character.charCount(cp);
                if (cp == ' ') {
                    breakAt = i - 1;
                } else if (cp == '-' || cp == '/' || cp == '_' || cp == ',' || cp == ';') {
                    breakAt = i;
                }
            }
            if (i >= n) {
                lines.add(start == 0 ? cleanText : cleanText.substring(start));
                break;
            }
            int end = breakAt > start ? breakAt : i;
            lines.add(cleanText.substring(start, end));
            start = end;
            while (start < n && cleanText.charAt(start) == ' ') {
                start++;
            }
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    /** The cleaned text if it fits in {@code maxWidth}, else its longest prefix that fits with an ellipsis. */
    public String fit(String cleanText, float size, float maxWidth) {
        float limit = maxWidth * 1000f / size;
        float w = 0;
        int n = cleanText.length();
        int cp;
        for (int i = 0; i < n; i += Character.charCount(cp)) {
            cp = cleanText.codePointAt(i);
            w += fonts.advance(cp);
        }
        if (w <= limit) {
            return cleanText;
        }
        float room = limit - fonts.advance(0x2026);
        w = 0;
        int end = 0;
        for (int i = 0; i < n; i += Character.charCount(cp)) {
            cp = cleanText.codePointAt(i);
            w += fonts.advance(cp);
            if (w > room) {
                break;
            }
            end = i + Character.charCount(cp);
        }
        return cleanText.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    // ---------------------------------------------------------------- graphics

    public void fillRect(float x, float yBottom, float w, float h, float[] rgb) {
        notInText("fillRect");
        fill(rgb);
        stream.operand(x).operand(yBottom).operand(w).operand(h).operator("re");
        stream.operator("f");
    }

    public void line(float x1, float y1, float x2, float y2, float lineWidth, float[] rgb) {
        notInText("line");
        if (currentStroke != rgb) {
            checkColour(rgb);
            stream.operand(rgb[0]).operand(rgb[1]).operand(rgb[2]).operator("RG");
            currentStroke = rgb;
        }
        if (currentLineWidth != lineWidth) {
            stream.operand(lineWidth).operator("w");
            currentLineWidth = lineWidth;
        }
        stream.operand(x1).operand(y1).operator("m");
        stream.operand(x2).operand(y2).operator("l");
        stream.operator("S");
    }

    private void fill(float[] rgb) {
        if (currentFill != rgb) {
            checkColour(rgb);
            stream.operand(rgb[0]).operand(rgb[1]).operand(rgb[2]).operator("rg");
            currentFill = rgb;
        }
    }

    private static void checkColour(float[] rgb) {
        for (float c : rgb) {
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("colour components must be within 0..1: " + c);
            }
        }
    }

    private void notInText(String what) {
        if (inText) {
            throw new IllegalStateException(what + " inside a text object");
        }
    }

    // ---------------------------------------------------------------- end

    /**
     * Lets the decorator draw on every page, knowing the page count, then embeds the fonts (each as the subset
     * of the characters drawn with it) and stores every page's content stream (deflated).
     */
    public void finish(PageDecorator decorator) {
        int count = pages.size();
        try {
            for (int i = 0; i < count; i++) {
                page = pages.get(i);
                stream = page.content;
                resetState();
                decorator.decorate(this, i + 1, count);
                if (inText) {
                    throw new IllegalStateException("a page ends inside a text object");
                }
            }
            for (int f = 0; f < PdfFonts.COUNT; f++) {
                if (fontDictionaries[f] != null) {
                    FontSubsets.embed(fonts, f, drawn[f].stream().toArray(), fontDictionaries[f],
                            document.getDocument());
                }
            }
            for (Page p : pages) {
                byte[] deflated = Deflation.deflate(p.content.array(), 0, p.content.size());
                p.stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                try (OutputStream out = p.stream.createRawOutputStream()) {
                    out.write(deflated);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.clear();
        page = null;
        stream = null;
    }
}
