package com.retail.recon.report;

import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Times the daily report with many rows: {@code ReportBenchmark [escalations [exceptions [runs]]]}, defaults
 * 100000, 10000 and 3 (the first run warms up). Not a unit test; run it like {@code ReceiptBenchmark}.
 */
public final class ReportBenchmark {

    public static void main(String[] args) throws Exception {
        int escalations = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int exceptions = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        DailyReportData data = ReportSamples.day(exceptions, escalations);
        DailyReportRenderer renderer = new DailyReportRenderer();
        byte[] pdf = null;
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            pdf = renderer.render(data);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %d escalations, %d exceptions: %.2f s, %.1f MB%n", i, escalations,
                    exceptions, seconds, pdf.length / 1024.0 / 1024.0);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            System.out.println(document.getNumberOfPages() + " pages");
        }
    }
}
