package com.retail.recon.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfCanvasTests {

    private final PdfFonts fonts = new PdfFonts();

    @Test
    void aFontSubsetTakenFromTheCacheGivesTheSameBytesAsOneMadeAfresh() {
        FontSubsets.clear();
        byte[] made = document("Receipt 0123 Ærø 注文 ΑΒΓ");
        byte[] cached = document("Receipt 0123 Ærø 注文 ΑΒΓ");
        FontSubsets.clear();
        byte[] madeAgain = document("Receipt 0123 Ærø 注文 ΑΒΓ");

        assertThat(cached).isEqualTo(made);
        assertThat(madeAgain).isEqualTo(made);
        PdfAValidation.assertPdfA2b(cached);
    }

    @Test
    void eachDocumentEmbedsTheCharactersItDraws_evenAfterOneWithMoreOfThem() throws IOException {
        FontSubsets.clear();
        byte[] few = document("ABC");
        byte[] more = document("ABCDEFG");
        byte[] fewAgain = document("ABC");

        assertThat(fewAgain).isEqualTo(few);
        assertThat(text(few)).isEqualTo("ABC");
        assertThat(text(more)).isEqualTo("ABCDEFG");
        assertThat(embeddedGlyphs(few)).isLessThan(embeddedGlyphs(more));
    }

    private byte[] document(String text) {
        PDDocument document = new PDDocument();
        PdfA.setUp(document, "test", Instant.parse("2026-11-26T00:00:00Z"));
        PdfCanvas canvas = new PdfCanvas(document, fonts, PDRectangle.A6, 20, 20, 20);
        canvas.newPage();
        canvas.text(canvas.left, canvas.y - 12, 12, PdfCanvas.TEXT, canvas.clean(text));
        canvas.finish((c, page, pages) -> { });
        return PdfA.save(document, new Fingerprint("test").add(text).hash());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).strip();
        }
    }

    private static int embeddedGlyphs(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDType0Font font = (PDType0Font) document.getPage(0).getResources().getFont(COSName.getPDFName("F1"));
            return ((PDCIDFontType2) font.getDescendantFont()).getTrueTypeFont().getNumberOfGlyphs();
        }
    }
}
