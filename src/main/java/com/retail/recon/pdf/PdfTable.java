package com.retail.recon.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * A table drawn row by row on a {@link PdfCanvas}: a shaded header row, cells that wrap within their column
 * (at most {@code maxLines} lines, then an ellipsis), alternate rows shaded. A row that does not fit goes to
 * a new page, which first gets the table's heading marked "(continued)" and the header row again.
 */
public final class PdfTable {

    /** A column: its title, width in points, and whether its cells are right-aligned (numbers). */
    public record Column(String title, float width, boolean right) {
        public static Column left(String title, float width) {
            return new Column(title, width, false);
        }

        public static Column right(String title, float width) {
            return new Column(title, width, true);
        }
    }

    private static final float PAD = 3.5f;

    private final PdfCanvas canvas;
    private final List<Column> columns;
    private final String[] titles;
    private final String heading;
    private final float headingSize;
    private final float size;
    private final float lineHeight;
    private final int maxLines;
    private int rowIndex;
    private float x0;

    /**
     * @param heading drawn above the table by {@link #start()} and, marked "(continued)", on each further page
     *        (null for none)
     */
    public PdfTable(PdfCanvas canvas, String heading, float headingSize, List<Column> columns, float size,
            int maxLines) {
        this.canvas = canvas;
        this.columns = List.copyOf(columns);
        this.heading = heading == null ? null : canvas.clean(heading);
        this.headingSize = headingSize;
        this.size = size;
        this.lineHeight = size * 1.28f;
        this.maxLines = maxLines;
        this.x0 = canvas.left;
        this.titles = new String[columns.size()];
        for (int i = 0; i < titles.length; i++) {
            Column c = columns.get(i);
            titles[i] = canvas.fit(canvas.clean(c.title()), size, c.width() - 2 * PAD);
        }
    }

    /**
     * Column widths for a table of the given total width: every column but {@code flexColumn} as wide as its
     * title or widest cell, but at most its {@code maxWidths} entry; {@code flexColumn} gets what is left.
     */
    public static float[] fitWidths(PdfCanvas canvas, float size, String[] titles, List<List<String>> rows,
            float[] maxWidths, float totalWidth, int flexColumn) {
        float[] widths = new float[titles.length];
        float rest = totalWidth;
        for (int i = 0; i < titles.length; i++) {
            if (i == flexColumn) {
                continue;
            }
            float w = canvas.width(canvas.clean(titles[i]), size);
            for (List<String> row : rows) {
                if (i < row.size()) {
                    w = Math.max(w, canvas.width(canvas.clean(row.get(i)), size));
                }
            }
            widths[i] = Math.min(maxWidths[i], w + 2 * PAD + 2);
            rest -= widths[i];
        }
        widths[flexColumn] = rest;
        return widths;
    }

    /** Puts the table's left edge at {@code x} instead of the left margin. */
    public PdfTable at(float x) {
        this.x0 = x;
        return this;
    }

    public float width() {
        float w = 0;
        for (Column c : columns) {
            w += c.width();
        }
        return w;
    }

    /** Height of the heading plus the header row plus one single-line row: what {@link #start()} keeps together. */
    private float startHeight() {
        return (heading == null ? 0 : headingSize * 2f) + 2 * rowHeight(1);
    }

    private float rowHeight(int lines) {
        return lines * lineHeight + 2 * PAD - (lineHeight - size);
    }

    /** Draws the heading and the header row (on a new page if they and one row would not fit). */
    public void start() {
        canvas.ensure(startHeight());
        drawHeading(false);
        drawHeader();
    }

    /** Draws a line of text under the heading instead of rows (e.g. "None."). */
    public void note(String text, float[] rgb) {
        String clean = canvas.clean(text);
        canvas.ensure(lineHeight + PAD);
        canvas.text(x0 + PAD, canvas.y - size - PAD + 1, size, rgb, canvas.fit(clean, size, width()));
        canvas.y -= lineHeight + 2 * PAD;
    }

    private void drawHeading(boolean continued) {
        if (heading == null) {
            return;
        }
        String text = continued ? heading + " (continued)" : heading;
        canvas.text(x0, canvas.y - headingSize, headingSize, PdfCanvas.ACCENT, canvas.fit(text, headingSize,
                canvas.right - x0));
        canvas.y -= headingSize * 2f;
    }

    private void drawHeader() {
        float h = rowHeight(1);
        canvas.fillRect(x0, canvas.y - h, width(), h, PdfCanvas.HEADER);
        float baseline = canvas.y - PAD - size + 1;
        canvas.beginText();
        float x = x0;
        for (int i = 0; i < titles.length; i++) {
            Column c = columns.get(i);
            if (c.right()) {
                canvas.textRight(x + c.width() - PAD, baseline, size, PdfCanvas.TEXT, titles[i]);
            } else {
                canvas.text(x + PAD, baseline, size, PdfCanvas.TEXT, titles[i]);
            }
            x += c.width();
        }
        canvas.endText();
        canvas.y -= h;
        rowIndex = 0;
    }

    /** Draws one row; missing trailing cells are empty, extra cells are ignored. */
    public void row(List<String> cells) {
        int n = columns.size();
        List<List<String>> wrapped = new ArrayList<>(n);
        int lines = 1;
        for (int i = 0; i < n; i++) {
            Column c = columns.get(i);
            String value = i < cells.size() ? canvas.clean(cells.get(i)) : "";
            List<String> cell = canvas.wrap(value, size, c.width() - 2 * PAD, maxLines);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        float h = rowHeight(lines);
        if (canvas.ensure(h)) {
            drawHeading(true);
            drawHeader();
        }
        if (rowIndex % 2 == 1) {
            canvas.fillRect(x0, canvas.y - h, width(), h, PdfCanvas.SHADE);
        }
        float firstBaseline = canvas.y - PAD - size + 1;
        canvas.beginText();
        float x = x0;
        for (int i = 0; i < n; i++) {
            Column c = columns.get(i);
            List<String> cell = wrapped.get(i);
            for (int l = 0; l < cell.size(); l++) {
                float baseline = firstBaseline - l * lineHeight;
                if (c.right()) {
                    canvas.textRight(x + c.width() - PAD, baseline, size, PdfCanvas.TEXT, cell.get(l));
                } else {
                    canvas.text(x + PAD, baseline, size, PdfCanvas.TEXT, cell.get(l));
                }
            }
            x += c.width();
        }
        canvas.endText();
        canvas.y -= h;
        rowIndex++;
    }

    /** Leaves a gap after the table. */
    public void end(float gap) {
        canvas.y -= gap;
    }
}
