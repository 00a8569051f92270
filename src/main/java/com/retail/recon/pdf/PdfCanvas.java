package com.retail.recon.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Pages of one document being laid out top to bottom: a cursor {@link #y}, text in the fonts of a
 * {@link PdfFonts} (each character in the first font that has it, each font embedded as a subset only when
 * used), wrapping and visible truncation, rectangles and rules. Every page's content stream stays open until
 * {@link #finish(PageDecorator)}, which draws the page footers ("page N of M") and closes them.
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

    private final PDDocument document;
    private final PdfFonts fonts;
    private final PDRectangle pageSize;
    private final PDType0Font[] embedded = new PDType0Font[PdfFonts.COUNT];
    private final List<PDPageContentStream> streams = new ArrayList<>();

    public final float left;
    public final float right;
    public final float top;
    public final float bottom;
    /** The layout cursor: the top of the next thing to draw. */
    public float y;

    private PDPageContentStream stream;
    private boolean inText;
    private PDType0Font currentFont;
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

    public float pageWidth() {
        return pageSize.getWidth();
    }

    public int pageCount() {
        return streams.size();
    }

    /** Starts a new page and puts the cursor at its top margin. */
    public void newPage() {
        if (inText) {
            throw new IllegalStateException("newPage inside a text object");
        }
        PDPage page = new PDPage(pageSize);
        document.addPage(page);
        try {
            stream = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        streams.add(stream);
        resetState();
        y = top;
    }

    private void resetState() {
        currentFont = null;
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
        try {
            stream.beginText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inText = true;
    }

    public void endText() {
        try {
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inText = false;
    }

    /** Draws a cleaned text with its baseline at {@code baseline}, starting at {@code x}. */
    public void text(float x, float baseline, float size, float[] rgb, String cleanText) {
        if (cleanText.isEmpty()) {
            return;
        }
        boolean own = !inText;
        try {
            if (own) {
                stream.beginText();
            }
            fill(rgb);
            stream.setTextMatrix(Matrix.getTranslateInstance(x, baseline));
            showRuns(cleanText, size);
            if (own) {
                stream.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws a cleaned text ending at {@code xRight}. */
    public void textRight(float xRight, float baseline, float size, float[] rgb, String cleanText) {
        text(xRight - width(cleanText, size), baseline, size, rgb, cleanText);
    }

    private void showRuns(String text, float size) throws IOException {
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

    private void show(int fontIndex, float size, String run) throws IOException {
        PDType0Font font = embedded(fontIndex);
        if (font != currentFont || size != currentSize) {
            stream.setFont(font, size);
            currentFont = font;
            currentSize = size;
        }
        stream.showText(run);
    }

    private PDType0Font embedded(int fontIndex) throws IOException {
        PDType0Font font = embedded[fontIndex];
        if (font == null) {
            font = PDType0Font.load(document, fonts.font(fontIndex), true);
            embedded[fontIndex] = font;
        }
        return font;
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
        try {
            fill(rgb);
            stream.addRect(x, yBottom, w, h);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void line(float x1, float y1, float x2, float y2, float lineWidth, float[] rgb) {
        try {
            if (currentStroke != rgb) {
                stream.setStrokingColor(rgb[0], rgb[1], rgb[2]);
                currentStroke = rgb;
            }
            if (currentLineWidth != lineWidth) {
                stream.setLineWidth(lineWidth);
                currentLineWidth = lineWidth;
            }
            stream.moveTo(x1, y1);
            stream.lineTo(x2, y2);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(float[] rgb) throws IOException {
        if (currentFill != rgb) {
            stream.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            currentFill = rgb;
        }
    }

    // ---------------------------------------------------------------- end

    /** Lets the decorator draw on every page, knowing the page count, then closes every page. */
    public void finish(PageDecorator decorator) {
        int count = streams.size();
        try {
            for (int i = 0; i < count; i++) {
                stream = streams.get(i);
                resetState();
                decorator.decorate(this, i + 1, count);
                stream.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        streams.clear();
        stream = null;
    }
}
