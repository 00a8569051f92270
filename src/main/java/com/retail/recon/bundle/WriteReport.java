package com.retail.recon.bundle;

import com.retail.recon.batch.NightlyRun;
import com.retail.recon.ledger.Ledger;
import com.retail.recon.ledger.LedgerRows;
import com.retail.recon.report.DailyReportData;
import com.retail.recon.report.DailyReportRenderer;
import com.retail.recon.system.ProductVersion;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** {@code report}: the daily report PDF into the staging folder. */
final class WriteReport implements Tasklet {

    private final JdbcTemplate jdbc;
    private final LedgerRows ledgerRows;
    private final ZoneId zone;

    WriteReport(JdbcTemplate jdbc, LedgerRows ledgerRows, ZoneId zone) {
        this.jdbc = jdbc;
        this.ledgerRows = ledgerRows;
        this.zone = zone;
    }

    /** data/report.pdf: input counts, totals by outcome and currency, exceptions, escalations. */
    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws IOException {
        StepExecution step = context.getStepContext().getStepExecution();
        NightlyRun run = NightlyRun.of(step.getJobParameters());
        Path staging = Staging.of(step.getJobExecution());
        List<DailyReportData.InputCount> inputs = jdbc.query("SELECT file, rows_read, rows_accepted, rows_rejected "
                        + "FROM ingest_count WHERE business_date = ? ORDER BY file",
                (rs, i) -> new DailyReportData.InputCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                run.businessDate());
        List<DailyReportData.Total> totals = ledgerRows.rowsOf(jdbc, Ledger.SUMMARY, run.businessDate()).stream()
                .map(f -> new DailyReportData.Total(f.get(0), f.get(1), Long.parseLong(f.get(2)), f.get(3), f.get(4)))
                .toList();
        // no run id in the report: a rerun of the same inputs must give the same bytes
        DailyReportData data = new DailyReportData(run.businessDate(), "recon " + ProductVersion.get(), inputs,
                totals, ledgerRows.rowsOf(jdbc, Ledger.EXCEPTIONS, run.businessDate()), ledgerRows.rowsOf(jdbc, Ledger.ESCALATIONS, run.businessDate()));
        Path report = staging.resolve("data").resolve("report.pdf");
        Files.createDirectories(report.getParent());
        Files.write(report, new DailyReportRenderer(zone).render(data));
        return RepeatStatus.FINISHED;
    }

}
