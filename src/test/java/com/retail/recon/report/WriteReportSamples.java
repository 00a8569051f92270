package com.retail.recon.report;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes sample reports to a folder, to look at them: {@code WriteReportSamples <dir>}. */
public final class WriteReportSamples {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/pdf-look");
        Files.createDirectories(dir);
        DailyReportRenderer r = new DailyReportRenderer();
        Files.write(dir.resolve("report-empty.pdf"), r.render(ReportSamples.empty()));
        Files.write(dir.resolve("report-day.pdf"), r.render(ReportSamples.day(40, 60)));
    }
}
