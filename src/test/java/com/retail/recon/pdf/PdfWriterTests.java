package com.retail.recon.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class PdfWriterTests {

    private static final byte[] HASH = new Fingerprint("test").add("pdf writer").hash();

    private final PdfFonts fonts = new PdfFonts();

    @Test
    void writesTheObjectsPdfBoxWrites_aLongDocumentInSeveralObjectStreams() throws IOException {
        byte[] ours = PdfA.save(document(60), HASH);
        byte[] pdfBox = savedByPdfBox(document(60));

        assertThat(PdfStructure.difference(pdfBox, ours)).isNull();
        assertThat(occurrences(ours, "/Type /ObjStm")).isGreaterThan(1);
        PdfAValidation.assertPdfA2b(ours);
    }

    @Test
    void theSameDocumentGivesTheSameBytes() {
        assertThat(PdfA.save(document(3), HASH)).isEqualTo(PdfA.save(document(3), HASH));
    }

    @Test
    void aDifferenceInOneObjectIsSeen() throws IOException {
        PDDocument other = document(2);
        other.getDocumentInformation().setTitle("another title");
        assertThat(PdfStructure.difference(savedByPdfBox(document(2)), PdfA.save(other, HASH)))
                .contains("trailer/Info/Title");
    }

    /** Pages of text in all three fonts, each page with its own resources, fonts shared. */
    private PDDocument document(int pages) {
        PDDocument document = new PDDocument();
        PdfA.setUp(document, "writer test", Instant.parse("2026-11-26T00:00:00Z"));
        PdfCanvas canvas = new PdfCanvas(document, fonts, PDRectangle.A6, 20, 20, 30);
        for (int p = 0; p < pages; p++) {
            canvas.newPage();
            canvas.text(canvas.left, canvas.y - 12, 12, PdfCanvas.TEXT, canvas.clean("Page " + p + " Ærø"));
            if (p % 2 == 0) {
                canvas.text(canvas.left, canvas.y - 30, 10, PdfCanvas.MUTED, canvas.clean("ΑΒΓ 注文 (" + p + ")"));
            }
            canvas.fillRect(canvas.left, canvas.y - 60, 50, 10, PdfCanvas.SHADE);
        }
        canvas.finish((c, page, count) -> c.text(c.left, 12, 8, PdfCanvas.MUTED, "page " + page + " of " + count));
        return document;
    }

    private static byte[] savedByPdfBox(PDDocument document) throws IOException {
        try (document) {
            byte[] id = Arrays.copyOf(HASH, 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        }
    }

    private static int occurrences(byte[] pdf, String text) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }
}
