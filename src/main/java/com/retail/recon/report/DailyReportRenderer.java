package com.retail.recon.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import com.retail.recon.pdf.Fingerprint;
import com.retail.recon.pdf.PdfA;
import com.retail.recon.pdf.PdfCanvas;
import com.retail.recon.pdf.PdfFonts;
import com.retail.recon.pdf.PdfTable;
import com.retail.recon.pdf.PdfTable.Column;

/**
 * Renders the day's report as a PDF/A-2b document (A4 landscape). The first page is a one-glance summary:
 * business date and run, input counts per file, requests reported, escalations (HIGH / NORMAL), exceptions
 * by type, and a bar chart of requests by outcome. Then the tables: totals by outcome and currency,
 * exceptions, escalations, over as many pages as they need (heading and header row repeated on each page,
 * "page N of M" in every footer). Cells wrap; past four lines they end with an ellipsis.
 *
 * <p>Deterministic: the document's dates are the business date's cutoff (the start of the next day in the
 * policy zone) and its trailer /ID is a hash of the data.
 *
 * <p><b>Not thread-safe</b>: it keeps its parsed fonts; use one instance per thread.
 */
public final class DailyReportRenderer {

    private static final float MARGIN_X = 40f;
    private static final float MARGIN_TOP = 38f;
    private static final float MARGIN_BOTTOM = 46f;
    private static final float TABLE_SIZE = 7.5f;
    private static final int MAX_CELL_LINES = 4;
    private static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private final PdfFonts fonts = new PdfFonts();
    private final ZoneId zone;

    /** Dates the document at the business date's cutoff in UTC. */
    public DailyReportRenderer() {
        this(ZoneOffset.UTC);
    }

    /** Dates the document at the business date's cutoff in the policy zone. */
    public DailyReportRenderer(ZoneId policyZone) {
        this.zone = policyZone;
    }

    public byte[] render(DailyReportData data) {
        return render(data, "Daily reconciliation report", "Business date", data.businessDate().toString());
    }

    /**
     * The same document under another title, for another period: the audit export's summary of a date range
     * ("Audit export", "Business dates", "2026-11-20 to 2026-11-23"); dated at the cutoff of data's date.
     */
    public byte[] render(DailyReportData data, String title, String periodLabel, String period) {
        Instant cutoff = data.businessDate().plusDays(1).atStartOfDay(zone).toInstant();
        String businessDate = period;
        PDDocument document = new PDDocument();
        PdfA.setUp(document, title + " " + businessDate, cutoff);
        PdfCanvas c = new PdfCanvas(document, fonts, LANDSCAPE, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM);

        summaryPage(c, data, title, periodLabel, businessDate);
        tables(c, data);

        String footer = title + " \u00b7 " + periodLabel.toLowerCase(java.util.Locale.ROOT) + " " + businessDate + " \u00b7 recon";
        c.finish((canvas, page, pages) -> {
            canvas.line(canvas.left, MARGIN_BOTTOM - 16, canvas.right, MARGIN_BOTTOM - 16, 0.5f, PdfCanvas.RULE);
            canvas.text(canvas.left, MARGIN_BOTTOM - 27, 8, PdfCanvas.MUTED, footer);
            canvas.textRight(canvas.right, MARGIN_BOTTOM - 27, 8, PdfCanvas.MUTED, "page " + page + " of " + pages);
        });
        return PdfA.save(document, fingerprint(data));
    }

    // ------------------------------------------------------------------------------------------ page 1

    private static void summaryPage(PdfCanvas c, DailyReportData data, String title, String periodLabel,
                                    String businessDate) {
        c.newPage();
        c.text(c.left, c.y - 20, 21, PdfCanvas.TEXT, title);
        c.textRight(c.right, c.y - 8, 8, PdfCanvas.MUTED, periodLabel);
        c.textRight(c.right, c.y - 21, 12, PdfCanvas.TEXT, businessDate);
        c.y -= 31;
        c.line(c.left, c.y, c.right, c.y, 1.5f, PdfCanvas.ACCENT);
        c.y -= 14;
        String run = data.runIdentity();
        if (run != null && !run.isEmpty()) {
            for (String line : c.wrap(c.clean("Run: " + run), 8.5f, c.right - c.left, 2)) {
                c.text(c.left, c.y - 8.5f, 8.5f, PdfCanvas.MUTED, line);
                c.y -= 11;
            }
            c.y -= 8;
        }

        float columnsTop = c.y;
        float leftWidth = 330;
        float chartLeft = c.left + leftWidth + 50;

        // left: inputs and key figures
        PdfTable inputs = new PdfTable(c, "Input files", 12f, List.of(Column.left("File", 120),
                Column.right("Read", 70), Column.right("Accepted", 70), Column.right("Rejected", 70)), 9f, 2);
        inputs.start();
        if (data.inputs().isEmpty()) {
            inputs.note("No input files.", PdfCanvas.MUTED);
        }
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        for (DailyReportData.InputCount in : data.inputs()) {
            inputs.row(List.of(nullToEmpty(in.file()), count(in.read()), count(in.accepted()), count(in.rejected())));
            read += in.read();
            accepted += in.accepted();
            rejected += in.rejected();
        }
        if (data.inputs().size() > 1) {
            inputs.row(List.of("All files", count(read), count(accepted), count(rejected)));
        }
        c.y -= 16;

        long requests = 0;
        for (DailyReportData.Total t : data.totals()) {
            requests += t.requests();
        }
        long high = 0;
        long normal = 0;
        for (List<String> e : data.escalations()) {
            String priority = e.size() > 5 ? e.get(5) : "";
            if ("HIGH".equals(priority)) {
                high++;
            } else if ("NORMAL".equals(priority)) {
                normal++;
            }
        }
        Map<String, Long> exceptionsByType = new TreeMap<>();
        for (List<String> e : data.exceptions()) {
            exceptionsByType.merge(e.isEmpty() ? "" : nullToEmpty(e.get(0)), 1L, Long::sum);
        }

        heading(c, c.left, "At a glance");
        figure(c, leftWidth, "Requests reported", count(requests), false);
        long otherPriority = data.escalations().size() - high - normal;
        figure(c, leftWidth, "Escalations", count(data.escalations().size()), false);
        figure(c, leftWidth, "HIGH priority", count(high), true);
        figure(c, leftWidth, "NORMAL priority", count(normal), true);
        if (otherPriority > 0) {
            figure(c, leftWidth, "other priority", count(otherPriority), true);
        }
        figure(c, leftWidth, "Finance exceptions", count(data.exceptions().size()), false);
        for (Map.Entry<String, Long> e : exceptionsByType.entrySet()) {
            figure(c, leftWidth, e.getKey(), count(e.getValue()), true);
        }
        float leftBottom = c.y;

        // right: requests by outcome (beside the left column, or below it if that ran over a page)
        if (c.pageCount() == 1) {
            c.y = columnsTop;
            barChart(c, chartLeft, data.totals());
            c.y = Math.min(c.y, leftBottom);
        } else {
            c.y -= 16;
            barChart(c, c.left, data.totals());
        }
    }

    private static void heading(PdfCanvas c, float x, String text) {
        c.ensure(40);
        c.text(x, c.y - 12, 12, PdfCanvas.ACCENT, c.fit(c.clean(text), 12, c.right - x));
        c.y -= 24;
    }

    private static void figure(PdfCanvas c, float width, String label, String value, boolean indent) {
        float size = indent ? 9f : 10.5f;
        float h = indent ? 14f : 17f;
        c.ensure(h);
        float x = c.left + (indent ? 16 : 4);
        float baseline = c.y - h + 4.5f;
        String v = c.clean(value);
        float valueWidth = c.width(v, size);
        c.text(x, baseline, size, indent ? PdfCanvas.MUTED : PdfCanvas.TEXT,
                c.fit(c.clean(label), size, width - (x - c.left) - valueWidth - 12));
        c.textRight(c.left + width - 4, baseline, size, PdfCanvas.TEXT, v);
        c.line(x, c.y - h, c.left + width, c.y - h, 0.4f, PdfCanvas.RULE);
        c.y -= h;
    }

    private static void barChart(PdfCanvas c, float x, List<DailyReportData.Total> totals) {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (DailyReportData.Total t : totals) {
            byOutcome.merge(nullToEmpty(t.outcome()), t.requests(), Long::sum);
        }
        heading(c, x, "Requests by outcome");
        if (byOutcome.isEmpty()) {
            c.text(x + 4, c.y - 10, 9, PdfCanvas.MUTED, "No requests reported.");
            c.y -= 20;
            return;
        }
        long max = 1;
        for (long v : byOutcome.values()) {
            max = Math.max(max, v);
        }
        float labelWidth = 150;
        float countWidth = 56;
        float barLeft = x + labelWidth;
        float barSpace = c.right - barLeft - countWidth;
        float available = c.y - c.bottom - 10;
        float pitch = Math.max(9f, Math.min(21f, available / byOutcome.size()));
        float barHeight = pitch * 0.62f;
        float size = Math.min(8.5f, pitch * 0.62f);
        float chartTop = c.y;
        for (Map.Entry<String, Long> e : byOutcome.entrySet()) {
            if (c.y - pitch < c.bottom) {
                c.newPage();
                heading(c, x, "Requests by outcome (continued)");
                chartTop = c.y;
            }
            float barTop = c.y - 0.5f * (pitch - barHeight);
            float length = e.getValue() == 0 ? 0 : Math.max(1.5f, barSpace * e.getValue() / max);
            if (length > 0) {
                c.fillRect(barLeft, barTop - barHeight, length, barHeight, PdfCanvas.ACCENT);
            }
            float baseline = barTop - barHeight / 2 - size * 0.35f;
            c.textRight(barLeft - 8, baseline, size, PdfCanvas.TEXT, c.fit(c.clean(e.getKey()), size, labelWidth - 12));
            c.text(barLeft + length + 5, baseline, size, PdfCanvas.TEXT, count(e.getValue()));
            c.y -= pitch;
            c.line(barLeft, chartTop, barLeft, c.y, 0.6f, PdfCanvas.MUTED);
            chartTop = c.y;
        }
        c.y -= 6;
    }

    // ------------------------------------------------------------------------------------------ tables

    private static void tables(PdfCanvas c, DailyReportData data) {
        c.newPage();
        float w = c.right - c.left;

        PdfTable totals = new PdfTable(c, "Totals by outcome and currency", 12f, List.of(Column.left("Outcome", 200),
                Column.left("Currency", 80), Column.right("Requests", 90), Column.right("Expected refund", 130),
                Column.right("Settled amount", 130)), 8.5f, MAX_CELL_LINES);
        totals.start();
        if (data.totals().isEmpty()) {
            totals.note("None.", PdfCanvas.MUTED);
        }
        for (DailyReportData.Total t : data.totals()) {
            totals.row(List.of(nullToEmpty(t.outcome()), nullToEmpty(t.currency()), count(t.requests()),
                    nullToEmpty(t.expectedRefund()), nullToEmpty(t.settledAmount())));
        }
        c.y -= 18;

        String[] exTitles = {"Type", "Request", "Order", "Transaction", "Amount", "Currency", "Detail"};
        float[] ex = PdfTable.fitWidths(c, TABLE_SIZE, exTitles, data.exceptions(),
                new float[] {140, 100, 100, 100, 90, 50, 0}, w, 6);
        PdfTable exceptions = new PdfTable(c, "Finance exceptions", 12f, List.of(Column.left(exTitles[0], ex[0]),
                Column.left(exTitles[1], ex[1]), Column.left(exTitles[2], ex[2]), Column.left(exTitles[3], ex[3]),
                Column.right(exTitles[4], ex[4]), Column.left(exTitles[5], ex[5]), Column.left(exTitles[6], ex[6])),
                TABLE_SIZE, MAX_CELL_LINES);
        exceptions.start();
        if (data.exceptions().isEmpty()) {
            exceptions.note("None.", PdfCanvas.MUTED);
        }
        for (List<String> row : data.exceptions()) {
            exceptions.row(row);
        }
        c.y -= 18;

        String[] esTitles = {"Request", "Order", "Customer", "Outcome", "Policy check", "Priority", "Age (h)", "New",
            "Suggested action"};
        float[] es = PdfTable.fitWidths(c, TABLE_SIZE, esTitles, data.escalations(),
                new float[] {100, 100, 90, 130, 145, 44, 40, 30, 0}, w, 8);
        PdfTable escalations = new PdfTable(c, "Escalations", 12f, List.of(Column.left(esTitles[0], es[0]),
                Column.left(esTitles[1], es[1]), Column.left(esTitles[2], es[2]), Column.left(esTitles[3], es[3]),
                Column.left(esTitles[4], es[4]), Column.left(esTitles[5], es[5]), Column.right(esTitles[6], es[6]),
                Column.left(esTitles[7], es[7]), Column.left(esTitles[8], es[8])), TABLE_SIZE, MAX_CELL_LINES);
        escalations.start();
        if (data.escalations().isEmpty()) {
            escalations.note("None.", PdfCanvas.MUTED);
        }
        for (List<String> row : data.escalations()) {
            escalations.row(row);
        }
    }

    private static float sum(float[] widths) {
        float s = 0;
        for (float w : widths) {
            s += w;
        }
        return s;
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private byte[] fingerprint(DailyReportData data) {
        Fingerprint f = new Fingerprint("recon daily report 1").add(zone).add(data.businessDate())
                .add(data.runIdentity()).add(data.inputs().size());
        for (DailyReportData.InputCount in : data.inputs()) {
            f.add(in.file()).add(in.read()).add(in.accepted()).add(in.rejected());
        }
        f.add(data.totals().size());
        for (DailyReportData.Total t : data.totals()) {
            f.add(t.outcome()).add(t.currency()).add(t.requests()).add(t.expectedRefund()).add(t.settledAmount());
        }
        for (List<List<String>> rows : List.of(data.exceptions(), data.escalations())) {
            f.add(rows.size());
            for (List<String> row : rows) {
                f.add(row.size());
                for (String cell : row) {
                    f.add(cell);
                }
            }
        }
        return f.hash();
    }
}
