package com.retail.recon.nightly;

import com.retail.recon.archive.BagIt;
import com.retail.recon.archive.Bundles;
import com.retail.recon.system.ProductVersion;
import com.retail.recon.ingest.InboxFileReader;
import com.retail.recon.ingest.IngestSettlement;
import com.retail.recon.ingest.InputFile;
import com.retail.recon.ingest.WithinFileScreens;
import com.retail.recon.ledger.Ledger;
import com.retail.recon.ledger.LedgerRows;
import com.retail.recon.report.DailyReportData;
import com.retail.recon.report.DailyReportRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** The job's tasklet steps: the small pieces between the chunk steps. */
public class NightlySteps {

    private static final Logger log = LoggerFactory.getLogger(NightlySteps.class);
    public static final String BUNDLE_PATH = "bundle.path";
    public static final String ROWS_READ = "rows.read";
    public static final String ROWS_ACCEPTED = "rows.accepted";
    public static final String ROWS_REJECTED = "rows.rejected";
    public static final String REQUESTS = "requests.reported";

    private final JdbcTemplate jdbc;
    private final IngestSettlement settlement;
    private final WithinFileScreens screens;
    private final ResultStore results;
    private final BigDecimal rejectThresholdPercent;
    private final JobRepository jobRepository;
    private final StepObserver observer;
    private final LedgerRows ledgerRows;
    private final ZoneId zone;

    NightlySteps(JdbcTemplate jdbc, IngestSettlement settlement, WithinFileScreens screens, ResultStore results,
                 BigDecimal rejectThresholdPercent, JobRepository jobRepository, StepObserver observer,
                 LedgerRows ledgerRows, ZoneId zone) {
        this.jdbc = jdbc;
        this.settlement = settlement;
        this.screens = screens;
        this.results = results;
        this.rejectThresholdPercent = rejectThresholdPercent;
        this.jobRepository = jobRepository;
        this.observer = observer;
        this.ledgerRows = ledgerRows;
        this.zone = zone;
    }

    RepeatStatus settleIngest(StepContribution contribution, ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        NightlyRun run = NightlyRun.of(step.getJobParameters());
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        long jobExecution = step.getJobExecutionId();
        Map<InputFile, Long> rowsRead = new EnumMap<>(InputFile.class);
        Map<InputFile, Set<String>> screened = new EnumMap<>(InputFile.class);
        for (InputFile file : InputFile.values()) {
            List<StepExecution> partitions = partitions(step, file);
            rowsRead.put(file, partitions.stream()
                    .mapToLong(p -> InboxFileReader.recordsRead(p.getExecutionContext(), file)).sum());
            if (partitions.stream().allMatch(p -> p.getStatus() == BatchStatus.COMPLETED)) {
                screens.suspiciousKeys(jobExecution, file, partitions.stream().map(StepExecution::getId).toList())
                        .ifPresent(keys -> screened.put(file, keys));
            }
        }
        screens.forget(jobExecution);
        if (screened.size() < InputFile.values().length) {
            log.info("within-file rules: the store is asked for {} (not screened in this process from the "
                    + "first record)", java.util.Arrays.stream(InputFile.values()).filter(f -> !screened.containsKey(f))
                    .map(InputFile::fileName).toList());
        }
        Map<InputFile, Set<String>> suspicious = settlement.suspiciousKeys(run.businessDate(), rowsRead, screened);
        for (InputFile file : InputFile.values()) {
            long fileRead = rowsRead.get(file);
            settlement.settle(file, run.businessDate(), run.inputPath(file), suspicious.get(file));
            IngestSettlement.FileCounts counts = settlement.count(file, run.businessDate(), fileRead);
            read += counts.read();
            accepted += counts.accepted();
            rejected += counts.rejected();
            log.info("{}: {} read, {} accepted, {} rejected", file.fileName(), counts.read(), counts.accepted(),
                    counts.rejected());
            IngestSettlement.enforceThreshold(counts, rejectThresholdPercent);
        }
        var jobContext = step.getJobExecution().getExecutionContext();
        jobContext.putLong(ROWS_READ, read);
        jobContext.putLong(ROWS_ACCEPTED, accepted);
        jobContext.putLong(ROWS_REJECTED, rejected);
        return RepeatStatus.FINISHED;
    }

    /** The latest execution of each of the file's ingest partitions (their counts are restart-aware). */
    private List<StepExecution> partitions(StepExecution step, InputFile file) {
        String worker = PartitionedSteps.workerName("ingest-" + file.name().toLowerCase());
        List<StepExecution> partitions = new ArrayList<>();
        for (int i = 0; ; i++) {
            StepExecution partition = jobRepository.getLastStepExecution(step.getJobExecution().getJobInstance(),
                    worker + ":" + Partitions.name(i));
            if (partition == null) {
                return partitions;
            }
            partitions.add(partition);
        }
    }

    RepeatStatus selectCandidates(StepContribution contribution, ChunkContext context) {
        NightlyRun run = NightlyRun.of(context.getStepContext().getStepExecution().getJobParameters());
        List<LocalDate> incomplete = results.incompleteDatesBefore(run.businessDate());
        if (!incomplete.isEmpty()) {
            throw new IllegalStateException("the earlier business date " + incomplete.get(0)
                    + " has not completed; its data may be partial. Complete it first (recon run/restart --date "
                    + incomplete.get(0) + ")");
        }
        results.clear(run.businessDate());
        int orders = results.selectCandidates(run.businessDate());
        settlement.refreshStatistics("recon_candidate", orders);
        log.info("{} orders to reconcile", orders);
        return RepeatStatus.FINISHED;
    }

    /** So that the ledger and receipt queries plan for this night's results, not an empty table's. */
    RepeatStatus refreshResultStatistics(StepContribution contribution, ChunkContext context) {
        NightlyRun run = NightlyRun.of(context.getStepContext().getStepExecution().getJobParameters());
        long requests = jdbc.queryForObject("SELECT COUNT(*) FROM recon_request WHERE business_date = ?",
                Long.class, run.businessDate());
        results.refreshStatistics(requests);
        return RepeatStatus.FINISHED;
    }

    /** data/report.pdf: input counts, totals by outcome and currency, exceptions, escalations. */
    RepeatStatus writeReport(StepContribution contribution, ChunkContext context) throws IOException {
        StepExecution step = context.getStepContext().getStepExecution();
        NightlyRun run = NightlyRun.of(step.getJobParameters());
        long instance = step.getJobExecution().getJobInstance().getInstanceId();
        Path staging = Bundles.staging(run.archive(), run.businessDate(), instance);
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

    /**
     * Before bagging: every file the earlier steps wrote is still there (a restart trusts the staging folder
     * of the run it continues; if someone removed files from it, the date must be rerun instead).
     */
    private void checkStagingComplete(Path staging, NightlyRun run) throws IOException {
        List<String> missing = new ArrayList<>();
        for (Ledger ledger : Ledger.values()) {
            if (!Files.isRegularFile(Bundles.ledgers(staging).resolve(ledger.fileName()))) {
                missing.add("data/ledgers/" + ledger.fileName());
            }
        }
        if (!Files.isRegularFile(staging.resolve("data/report.pdf"))) {
            missing.add("data/report.pdf");
        }
        long receipts = jdbc.queryForObject("SELECT COUNT(*) FROM recon_request WHERE business_date = ? "
                + "AND became_refunded = TRUE", Long.class, run.businessDate());
        Path folder = staging.resolve("data/receipts");
        long found = 0;
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                found = files.count();
            }
        }
        if (found != receipts) {
            missing.add(receipts + " receipts expected in data/receipts, " + found + " found");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the staging folder " + staging + " is incomplete (" + missing
                    + "); it was changed since its steps ran: rerun the date (recon rerun --date "
                    + run.businessDate() + ")");
        }
    }

    /**
     * The run's identity in bag-info.txt. Only Bagging-Date (and Run-Id, for a rerun) differ between two
     * runs of the same inputs.
     */
    private static Map<String, List<String>> bagInfo(StepExecution step, NightlyRun run, String identity,
                                                     int revision) {
        Map<String, List<String>> info = new LinkedHashMap<>();
        info.put("Bagging-Date", List.of(LocalDate.now(ZoneOffset.UTC).toString()));
        info.put(Bundles.BUSINESS_DATE, List.of(run.businessDate().toString()));
        info.put(Bundles.RUN_ID, List.of(identity));
        info.put(Bundles.REVISION_LABEL, List.of(Integer.toString(revision)));
        info.put("Product-Version", List.of("recon " + ProductVersion.get()));
        info.put("Bag-Software-Agent", List.of("recon " + ProductVersion.get()));
        List<String> sources = new ArrayList<>();
        for (InputFile file : InputFile.values()) {
            String sha = step.getJobParameters().getString(file.fileName() + ".sha256");
            sources.add(file.fileName() + " sha256:" + (sha == null ? "unknown" : sha));
        }
        info.put("Source-File", sources);
        return info;
    }

    /** Moves the finished staging folder into place (atomically) and marks the date completed. */
    RepeatStatus publishBundle(StepContribution contribution, ChunkContext context) throws IOException {
        StepExecution step = context.getStepContext().getStepExecution();
        NightlyRun run = NightlyRun.of(step.getJobParameters());
        long instance = step.getJobExecution().getJobInstance().getInstanceId();
        String identity = NightlyRun.runId(instance);
        Path staging = Bundles.staging(run.archive(), run.businessDate(), instance);
        Optional<Path> already = Bundles.publishedBy(run.archive(), run.businessDate(), identity);
        Path bundle;
        if (already.isPresent() && !Files.exists(staging)) {
            bundle = already.get();
        } else {
            checkStagingComplete(staging, run);
            // checked before the run started too; this catches a folder put there since
            Optional<String> foreign = OwnBundles.refusal(jobRepository, jdbc, run.archive(), run.businessDate());
            if (foreign.isPresent()) {
                throw new IllegalStateException(foreign.get());
            }
            int revision = Bundles.nextRevision(run.archive(), run.businessDate());
            BagIt.make(staging, bagInfo(step, run, identity, revision));
            bundle = Bundles.publish(run.archive(), run.businessDate(), revision, staging);
            observer.reached(step.getStepName());
        }
        jdbc.update("UPDATE business_day SET completed = TRUE, completed_at = ?, revision = ?, bundle_path = ? "
                + "WHERE business_date = ?", java.sql.Timestamp.from(java.time.Instant.now()),
                Bundles.revisionOf(bundle), bundle.toString(), run.businessDate());
        step.getJobExecution().getExecutionContext().putString(BUNDLE_PATH, bundle.toString());
        step.getJobExecution().getExecutionContext().putLong(REQUESTS, jdbc.queryForObject(
                "SELECT COUNT(*) FROM recon_request WHERE business_date = ?", Long.class, run.businessDate()));
        return RepeatStatus.FINISHED;
    }
}
