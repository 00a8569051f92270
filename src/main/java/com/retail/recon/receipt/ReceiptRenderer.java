package com.retail.recon.receipt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import com.retail.recon.domain.Money;
import com.retail.recon.pdf.Fingerprint;
import com.retail.recon.pdf.PdfA;
import com.retail.recon.pdf.PdfCanvas;
import com.retail.recon.pdf.PdfFonts;
import com.retail.recon.pdf.PdfTable;
import com.retail.recon.pdf.PdfTable.Column;

/**
 * Renders a cancellation receipt as a PDF/A-2b document (A4): the confirmation number, order, request and
 * customer ids, request and decision times (UTC), the cancelled lines, the expected refund, each refund or
 * credit transaction, and the business date. Long values wrap (and past a few lines end with an ellipsis);
 * many lines continue on further pages, each with the table header again and "page N of M".
 *
 * <p>Deterministic: the same data gives the same bytes. The document's dates are the cutoff of the business
 * date (the start of the next day in the policy zone), and its trailer /ID is a hash of the data.
 *
 * <p><b>Not thread-safe.</b> A renderer keeps its parsed fonts (LiberationSans, and IPAGothic once a receipt
 * needs it) for all the receipts it renders, which is what makes it fast: use one instance per thread.
 */
public final class ReceiptRenderer {

    private static final float MARGIN_X = 56f;
    private static final float MARGIN_TOP = 52f;
    private static final float MARGIN_BOTTOM = 60f;
    private static final float LABEL_WIDTH = 132f;
    private static final String NONE = "\u2014";

    private final PdfFonts fonts = new PdfFonts();
    private final ZoneId zone;

    /** Dates the documents at the business date's cutoff in UTC. */
    public ReceiptRenderer() {
        this(ZoneOffset.UTC);
    }

    /** Dates the documents at the business date's cutoff in the policy zone. */
    public ReceiptRenderer(ZoneId policyZone) {
        this.zone = policyZone;
    }

    /** One PDF/A-2b document. */
    public byte[] render(ReceiptData data) {
        Instant cutoff = data.businessDate().plusDays(1).atStartOfDay(zone).toInstant();
        PDDocument document = new PDDocument();
        PdfA.setUp(document, "Cancellation receipt " + nullToEmpty(data.confirmationNumber()), cutoff);
        PdfCanvas c = new PdfCanvas(document, fonts, PDRectangle.A4, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM);
        c.newPage();
        String businessDate = data.businessDate().toString();

        // title
        c.text(c.left, c.y - 20, 21, PdfCanvas.TEXT, "Cancellation receipt");
        c.textRight(c.right, c.y - 8, 8, PdfCanvas.MUTED, "Business date");
        c.textRight(c.right, c.y - 21, 12, PdfCanvas.TEXT, businessDate);
        c.y -= 31;
        c.line(c.left, c.y, c.right, c.y, 1.5f, PdfCanvas.ACCENT);
        c.y -= 16;

        // the request
        field(c, "Confirmation number", data.confirmationNumber(), 13f);
        field(c, "Order", data.orderId(), 10.5f);
        field(c, "Request", data.requestId(), 10.5f);
        field(c, "Customer", data.customerId(), 10.5f);
        field(c, "Requested at", instant(data.requestedAt()), 10.5f);
        field(c, "Decided at", instant(data.decidedAt()), 10.5f);
        c.y -= 10;

        // the cancelled lines
        float width = c.right - c.left;
        String currency = nullToEmpty(data.currency());
        PdfTable lines = new PdfTable(c, "Cancelled lines" + (currency.isEmpty() ? "" : " (amounts in " + currency
                + ")"), 12f, List.of(Column.right("Line", 36), Column.left("SKU", width - 36 - 56 - 3 * 78),
                        Column.right("Quantity", 56), Column.right("Unit price", 78), Column.right("Tax", 78),
                        Column.right("Fee", 78)), 9.5f, 4);
        lines.start();
        if (data.lines().isEmpty()) {
            lines.note("No lines.", PdfCanvas.MUTED);
        }
        for (ReceiptData.Line line : data.lines()) {
            lines.row(List.of(Integer.toString(line.lineNo()), nullToEmpty(line.sku()),
                    Integer.toString(line.quantity()), amount(line.unitPrice()), amount(line.tax()),
                    amount(line.fee())));
        }
        c.y -= 10;

        // the expected refund
        String refund = c.clean(amount(data.expectedRefund()) + (currency.isEmpty() ? "" : " " + currency));
        float boxHeight = 30;
        c.ensure(boxHeight + 10);
        c.fillRect(c.left, c.y - boxHeight, width, boxHeight, PdfCanvas.SHADE);
        c.fillRect(c.left, c.y - boxHeight, 3, boxHeight, PdfCanvas.ACCENT);
        c.text(c.left + 12, c.y - 19, 11, PdfCanvas.TEXT, "Expected refund");
        c.textRight(c.right - 10, c.y - 20, 14, PdfCanvas.TEXT, c.fit(refund, 14, width - 150));
        c.y -= boxHeight + 18;

        // the transactions: every column but the first as wide as its widest value (within limits)
        float size = 9.5f;
        List<List<String>> rows = new ArrayList<>(data.transactions().size());
        for (ReceiptData.Transaction t : data.transactions()) {
            String txnAmount = amount(t.amount()) + (t.amount() == null ? "" : " " + t.amount().currency());
            rows.add(List.of(nullToEmpty(t.txnId()), method(t.method()), nullToEmpty(t.status()), txnAmount,
                    instant(t.settledAt())));
        }
        String[] titles = {"Transaction", "Method", "Status", "Amount", "Settled at"};
        float[] widths = PdfTable.fitWidths(c, size, titles, rows, new float[] {0, 140, 80, 130, 115}, width, 0);
        PdfTable txns = new PdfTable(c, "Refunds and credits", 12f, List.of(Column.left(titles[0], widths[0]),
                Column.left(titles[1], widths[1]), Column.left(titles[2], widths[2]),
                Column.right(titles[3], widths[3]), Column.left(titles[4], widths[4])), size, 4);
        txns.start();
        if (rows.isEmpty()) {
            txns.note("No refund or credit transactions.", PdfCanvas.MUTED);
        }
        for (List<String> row : rows) {
            txns.row(row);
        }

        String footer = c.fit(c.clean("Cancellation receipt " + nullToEmpty(data.confirmationNumber())), 8, 260)
                + " \u00b7 business date " + businessDate + " \u00b7 times in UTC \u00b7 issued by recon";
        c.finish((canvas, page, pages) -> {
            canvas.line(canvas.left, MARGIN_BOTTOM - 18, canvas.right, MARGIN_BOTTOM - 18, 0.5f, PdfCanvas.RULE);
            canvas.text(canvas.left, MARGIN_BOTTOM - 30, 8, PdfCanvas.MUTED, footer);
            canvas.textRight(canvas.right, MARGIN_BOTTOM - 30, 8, PdfCanvas.MUTED, "page " + page + " of " + pages);
        });
        return PdfA.save(document, fingerprint(data));
    }

    private static void field(PdfCanvas c, String label, String value, float size) {
        float valueWidth = c.right - c.left - LABEL_WIDTH;
        List<String> lines = c.wrap(c.clean(value == null || value.isEmpty() ? NONE : value), size, valueWidth, 6);
        float lineHeight = size * 1.25f;
        c.ensure(lines.size() * lineHeight + 4);
        float baseline = c.y - size;
        c.text(c.left, baseline, 9, PdfCanvas.MUTED, label);
        for (String line : lines) {
            c.text(c.left + LABEL_WIDTH, baseline, size, PdfCanvas.TEXT, line);
            baseline -= lineHeight;
        }
        c.y -= lines.size() * lineHeight + 6;
    }

    static String method(String method) {
        if (method == null) {
            return "";
        }
        switch (method) {
            case "ORIGINAL_PAYMENT":
                return "Refund to original payment";
            case "ACCOUNT_CREDIT":
                return "Account credit";
            default:
                return method;
        }
    }

    private static String amount(Money amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** An amount as the fingerprint has always taken it: the number alone (its currency is added apart). */
    private static BigDecimal number(Money amount) {
        return amount == null ? null : amount.amount();
    }

    private static String instant(Instant instant) {
        return instant == null ? NONE : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private byte[] fingerprint(ReceiptData data) {
        Fingerprint f = new Fingerprint("recon receipt 1").add(zone).add(data.businessDate())
                .add(data.confirmationNumber()).add(data.requestId()).add(data.orderId()).add(data.customerId())
                .add(data.requestedAt()).add(data.decidedAt()).add(data.currency())
                .add(number(data.expectedRefund())).add(data.lines().size());
        for (ReceiptData.Line l : data.lines()) {
            f.add(l.lineNo()).add(l.sku()).add(l.quantity()).add(number(l.unitPrice())).add(number(l.tax()))
                    .add(number(l.fee()));
        }
        f.add(data.transactions().size());
        for (ReceiptData.Transaction t : data.transactions()) {
            f.add(t.txnId()).add(t.method()).add(t.status()).add(number(t.amount()))
                    .add(t.amount() == null ? null : t.amount().currency()).add(t.createdAt()).add(t.settledAt());
        }
        return f.hash();
    }
}
