package com.retail.recon.bundle;

import com.retail.recon.archive.BagIt;
import com.retail.recon.archive.Bundles;
import com.retail.recon.batch.BusinessDays;
import com.retail.recon.batch.NightlyRun;
import com.retail.recon.batch.StepObserver;
import com.retail.recon.domain.InputFile;
import com.retail.recon.ledger.Ledger;
import com.retail.recon.notify.RunNotices;
import com.retail.recon.system.ProductVersion;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code publish-bundle}: checks that the staging folder holds everything the earlier steps wrote, makes it a
 * BagIt bag, moves it into place as the date's next revision (atomically) and marks the date completed.
 */
final class PublishBundle implements Tasklet {

    private final JdbcTemplate jdbc;
    private final BusinessDays days;
    private final JobRepository jobRepository;
    private final RunNotices notices;
    private final StepObserver observer;

    PublishBundle(JdbcTemplate jdbc, BusinessDays days, JobRepository jobRepository, RunNotices notices,
                  StepObserver observer) {
        this.jdbc = jdbc;
        this.days = days;
        this.jobRepository = jobRepository;
        this.notices = notices;
        this.observer = observer;
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
            String sha = step.getJobParameters().getString(NightlyRun.fingerprintKey(file));
            sources.add(file.fileName() + " sha256:" + (sha == null ? "unknown" : sha));
        }
        info.put("Source-File", sources);
        return info;
    }

    /** Moves the finished staging folder into place (atomically) and marks the date completed. */
    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws IOException {
        StepExecution step = context.getStepContext().getStepExecution();
        NightlyRun run = NightlyRun.of(step.getJobParameters());
        long instance = step.getJobExecution().getJobInstance().getInstanceId();
        String identity = NightlyRun.runId(instance);
        Path staging = Staging.of(step.getJobExecution());
        Optional<Path> already = Bundles.publishedBy(run.archive(), run.businessDate(), identity);
        Path bundle;
        if (already.isPresent() && !Files.exists(staging)) {
            bundle = already.get();
        } else {
            checkStagingComplete(staging, run);
            // checked before the run started too; this catches a folder put there since
            Optional<String> foreign = OwnBundles.refusal(jobRepository, days, run.archive(), run.businessDate());
            if (foreign.isPresent()) {
                throw new IllegalStateException(foreign.get());
            }
            int revision = Bundles.nextRevision(run.archive(), run.businessDate());
            BagIt.make(staging, bagInfo(step, run, identity, revision));
            bundle = Bundles.publish(run.archive(), run.businessDate(), revision, staging);
            observer.reached(step.getStepName());
        }
        days.completed(run.businessDate(), Bundles.revisionOf(bundle), bundle.toString());
        // in the same transaction: the date is completed and its notifications are in the outbox, or neither
        notices.completed(run.businessDate(), Bundles.revisionOf(bundle));
        step.getJobExecution().getExecutionContext().putString(NightlyRun.BUNDLE_PATH, bundle.toString());
        step.getJobExecution().getExecutionContext().putLong(NightlyRun.REQUESTS, jdbc.queryForObject(
                "SELECT COUNT(*) FROM recon_request WHERE business_date = ?", Long.class, run.businessDate()));
        return RepeatStatus.FINISHED;
    }
}
