package com.retail.recon.report;

import static com.retail.recon.pdf.PdfAValidation.assertPdfA2b;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class DailyReportRendererTests {

    private final DailyReportRenderer renderer = new DailyReportRenderer();

    @Test
    void anEmptyDayRendersAndIsPdfA2b() throws IOException {
        byte[] pdf = renderer.render(ReportSamples.empty());
        assertPdfA2b(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Daily reconciliation report", "2026-11-25", "No input files.",
                    "No requests reported.", "None.", "page 2 of 2");
        }
    }

    @Test
    void aTypicalDayShowsTheSummaryAndTables() throws IOException {
        DailyReportData data = ReportSamples.day(40, 60);
        byte[] pdf = renderer.render(data);
        assertPdfA2b(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            String first = stripper.getText(document);
            // 13 outcomes: 3 + sum(5 + 7i + 1 + i for i != 2) + 812
            long requests = 3 + 812;
            for (int i = 0; i < 13; i++) {
                requests += i == 2 ? 0 : 6 + 8L * i;
            }
            assertThat(first).contains("Input files", "orders.csv", "25,112", "25,108", "All files",
                    "Requests reported " + String.format("%,d", requests), "Escalations 60", "HIGH priority 20",
                    "NORMAL priority 40", "Finance exceptions 40", "AMBIGUOUS_REFUND 5", "Requests by outcome",
                    "REFUNDED", "STUCK_REFUND_PENDING", "page 1 of ");
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("Totals by outcome and currency", "81234.56", "Finance exceptions",
                    "has 2 cancellation requests", "Escalations", "Suggested action",
                    "Decide the request: no decision within the SLA", "CR-20261125-0000059");
        }
    }

    @Test
    void manyRowsRunOverPagesWithTheHeaderRepeated() throws IOException {
        DailyReportData data = ReportSamples.day(500, 5_000);
        byte[] pdf = renderer.render(data);
        assertPdfA2b(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(100);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            String last = stripper.getText(document);
            assertThat(last).contains("Escalations (continued)", "Suggested action", "CR-20261125-0004999",
                    "page " + pages + " of " + pages);
        }
    }

    @Test
    void sameDataGivesIdenticalBytes() {
        DailyReportData data = ReportSamples.day(30, 200);
        assertThat(renderer.render(data)).isEqualTo(new DailyReportRenderer().render(ReportSamples.day(30, 200)));
        assertThat(renderer.render(ReportSamples.empty())).isEqualTo(renderer.render(ReportSamples.empty()));
        assertThat(renderer.render(data)).isNotEqualTo(renderer.render(ReportSamples.day(30, 201)));
    }

    @Test
    void nonLatinAndShortRowsDoNotBreakIt() throws IOException {
        DailyReportData data = new DailyReportData(LocalDate.of(2026, 11, 25), "Lauf für 注文 \u0000",
                List.of(new DailyReportData.InputCount("bestellungen-ä.csv", 1, 1, 0)),
                List.of(new DailyReportData.Total("REFUNDED", "JPY", 1, "1200", "1200")),
                List.of(List.of("ORDER_NOT_FOUND"), List.of()),
                List.of(List.of("CR-注文", "O-1", "C-ü", "REFUNDED", "OK", "HIGH", "5", "Y", "顧客に連絡 😀 \t")));
        byte[] pdf = renderer.render(data);
        assertPdfA2b(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Lauf für 注文 ?", "bestellungen-ä.csv", "CR-注文", "顧客に連絡 ? ?");
        }
    }
}
