package com.retail.recon.ingest;

import com.retail.recon.batch.NightlyRun;
import com.retail.recon.batch.StepNames;
import com.retail.recon.domain.InputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code settle-ingest}: after the three files are in the store, the within-file rules (duplicate keys, mixed
 * orders) settle the rows they name, each file is counted (read = accepted + rejected) and held to the reject
 * threshold, and the run's counts go into its job execution context.
 */
final class SettleIngest implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SettleIngest.class);

    private final IngestSettlement settlement;
    private final WithinFileScreens screens;
    private final JobRepository jobRepository;
    private final BigDecimal rejectThresholdPercent;

    SettleIngest(IngestSettlement settlement, WithinFileScreens screens, JobRepository jobRepository,
                 BigDecimal rejectThresholdPercent) {
        this.settlement = settlement;
        this.screens = screens;
        this.jobRepository = jobRepository;
        this.rejectThresholdPercent = rejectThresholdPercent;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
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
                    + "first record)", Arrays.stream(InputFile.values()).filter(f -> !screened.containsKey(f))
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
        jobContext.putLong(NightlyRun.ROWS_READ, read);
        jobContext.putLong(NightlyRun.ROWS_ACCEPTED, accepted);
        jobContext.putLong(NightlyRun.ROWS_REJECTED, rejected);
        return RepeatStatus.FINISHED;
    }

    /** The latest execution of each of the file's ingest partitions (their counts are restart-aware). */
    private List<StepExecution> partitions(StepExecution step, InputFile file) {
        List<StepExecution> partitions = new ArrayList<>();
        for (int i = 0; ; i++) {
            StepExecution partition = jobRepository.getLastStepExecution(step.getJobExecution().getJobInstance(),
                    StepNames.partition(StepNames.ingest(file), i));
            if (partition == null) {
                return partitions;
            }
            partitions.add(partition);
        }
    }
}
