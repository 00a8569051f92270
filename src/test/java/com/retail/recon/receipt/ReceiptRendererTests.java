package com.retail.recon.receipt;

import static com.retail.recon.pdf.PdfAValidation.assertPdfA2b;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptRendererTests {

    private static final Map<String, Supplier<ReceiptData>> VARIANTS = Map.of(
            "typical", () -> ReceiptSamples.typical(1),
            "japanese", ReceiptSamples::japanese,
            "hostile", ReceiptSamples::hostile,
            "empty", ReceiptSamples::empty,
            "manyLines", ReceiptSamples::manyLines,
            "mixedScripts", ReceiptSamples::mixedScripts);

    private final ReceiptRenderer renderer = new ReceiptRenderer();

    @ParameterizedTest
    @ValueSource(strings = {"typical", "japanese", "hostile", "empty", "manyLines", "mixedScripts"})
    void everyVariantIsPdfA2b(String variant) {
        assertPdfA2b(renderer.render(VARIANTS.get(variant).get()));
    }

    @Test
    void textHoldsTheConfirmationNumberOrderAndAmountsAsGiven() throws IOException {
        ReceiptData data = ReceiptSamples.typical(7);
        String text = text(renderer.render(data));
        assertThat(text).contains("Cancellation receipt", data.confirmationNumber(), data.orderId(),
                data.requestId(), data.customerId(), "2026-11-25T08:05:00Z", "2026-11-25T08:30:00Z",
                "1011.60 EUR", "39.90", "7.58", "12.49", "899.00", "170.81", "134.85", "1000.00 EUR", "11.60 EUR",
                "Refund to original payment", "Account credit", "2026-11-25T16:45:00Z", "2026-11-25",
                "SKU-KETTLE-1.7L-STEEL", "page 1 of 1");
    }

    @Test
    void amountsArePrintedWithTheirOwnScale() throws IOException {
        ReceiptData base = ReceiptSamples.empty();
        ReceiptData data = new ReceiptData(base.businessDate(), base.confirmationNumber(), base.requestId(),
                base.orderId(), base.customerId(), base.requestedAt(), base.decidedAt(),
                List.of(new ReceiptData.Line(1, "SKU-1", 1, ReceiptSamples.money("JPY", "1200"),
                        ReceiptSamples.money("JPY", "0"), ReceiptSamples.money("JPY", "120"))),
                ReceiptSamples.money("JPY", "1320"), List.of());
        assertThat(text(renderer.render(data))).contains("1200", "1320 JPY").doesNotContain("1200.00");
    }

    @Test
    void japaneseAndUmlautsRenderAndAreExtractable() throws IOException {
        ReceiptData data = ReceiptSamples.japanese();
        byte[] pdf = renderer.render(data);
        String text = text(pdf);
        assertThat(text).contains("注文-確認-0001", "CR-ÄÖÜ-äöüß", "Jürgen Müller-Lüdenscheidt", "抹茶セット-グリューン",
                "6556 JPY");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Cancellation receipt 注文-確認-0001");
        }
    }

    @Test
    void everyScriptFindsAFont() throws IOException {
        ReceiptData data = ReceiptSamples.mixedScripts();
        byte[] pdf = renderer.render(data);
        assertThat(text(pdf)).contains(data.confirmationNumber(), data.requestId(), data.customerId(),
                "SKU-Ærø-Øre-€-№", "11.90 EUR");
        // a known limit: IPAGothic covers Japanese (JIS X 0213), not every simplified Chinese character or Hangul
        assertThat(text(pdf)).contains("O-中文-??-??");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new java.util.ArrayList<>();
            for (COSName name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
            }
            assertThat(fonts).containsExactlyInAnyOrder("LiberationSans", "LiberationSans", "IPAGothic");
        }
        try (PDDocument document = Loader.loadPDF(renderer.render(ReceiptSamples.typical(1)))) {
            assertThat(document.getPage(0).getResources().getFontNames()).hasSize(1);
        }
    }

    @Test
    void charactersNoFontHasBecomeAVisiblePlaceholder() throws IOException {
        String text = text(renderer.render(ReceiptSamples.hostile()));
        assertThat(text).contains("CNF???-?-?-x", "SOMETHING_ELSE",
                "123456789012345678.99 USD", "../../etc/passwd");
        assertThat(text).doesNotContain("\u0000", "😀");
    }

    @Test
    void longValuesWrapOrAreVisiblyTruncated() throws IOException {
        String text = text(renderer.render(ReceiptSamples.hostile()));
        assertThat(text).contains("XXXXXXXXXX", "\u2026");
    }

    @Test
    void manyLinesContinueOnFurtherPages() throws IOException {
        byte[] pdf = renderer.render(ReceiptSamples.manyLines());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Cancelled lines (amounts in CAD) (continued)", "SKU-150", "150.25", "TX-40",
                    "page 1 of " + pages, "page " + pages + " of " + pages);
        }
    }

    @Test
    void sameDataGivesIdenticalBytes() {
        for (Supplier<ReceiptData> variant : VARIANTS.values()) {
            byte[] first = renderer.render(variant.get());
            byte[] again = renderer.render(variant.get());
            byte[] otherRenderer = new ReceiptRenderer().render(variant.get());
            assertThat(again).isEqualTo(first);
            assertThat(otherRenderer).isEqualTo(first);
        }
        assertThat(renderer.render(ReceiptSamples.typical(1))).isNotEqualTo(renderer.render(ReceiptSamples.typical(2)));
    }

    @Test
    void datesComeFromTheBusinessDateAndAgreeWithTheXmp() throws Exception {
        byte[] pdf = new ReceiptRenderer(ZoneId.of("Europe/Berlin")).render(ReceiptSamples.japanese());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            Instant cutoff = Instant.parse("2026-11-25T23:00:00Z");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(cutoff);
            assertThat(info.getModificationDate().toInstant()).isEqualTo(cutoff);
            assertThat(info.getProducer()).isEqualTo("recon");
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(info.getTitle());
            assertThat(xmp.getAdobePDFSchema().getProducer()).isEqualTo("recon");
            Calendar created = xmp.getXMPBasicSchema().getCreateDate();
            assertThat(created.toInstant()).isEqualTo(cutoff);
            assertThat(xmp.getXMPBasicSchema().getModifyDate().toInstant()).isEqualTo(cutoff);
            COSArray id = document.getDocument().getTrailer().getCOSArray(COSName.ID);
            assertThat(id.size()).isEqualTo(2);
            assertThat(((COSString) id.get(0)).getBytes()).hasSize(16);
            assertThat(((COSString) id.get(1)).getBytes()).isEqualTo(((COSString) id.get(0)).getBytes());
        }
    }

    @Test
    void methodNamesAreSpelledOut() {
        assertThat(ReceiptRenderer.method("ORIGINAL_PAYMENT")).isEqualTo("Refund to original payment");
        assertThat(ReceiptRenderer.method("ACCOUNT_CREDIT")).isEqualTo("Account credit");
        assertThat(ReceiptRenderer.method("OTHER")).isEqualTo("OTHER");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
