package com.retail.recon.ingest;

import com.retail.recon.batch.NightlyRun;
import com.retail.recon.batch.Partitions;
import com.retail.recon.batch.StepFactory;
import com.retail.recon.batch.StepNames;
import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.InputFile;
import com.retail.recon.scaleout.RemotePartitioning;
import com.retail.recon.system.Database;
import com.retail.recon.system.ReconProperties;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/**
 * The ingest steps: each file's records validated into the store, in partitions of byte ranges that start at
 * record boundaries (restartable, each from its last committed chunk); then {@code settle-ingest}: the
 * within-file rules, the counts and the reject threshold.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** What the ingest steps are made with. */
    record IngestSteps(StepFactory steps, JobRepository jobRepository, JdbcTemplate jdbc, InputStore store,
                       Database database, Currencies currencies, WithinFileScreens screens,
                       ReconProperties properties) {

        Step step(InputFile file) {
            return steps.partitioned(StepNames.ingest(file), manager -> Partitions.remembered(manager, jobRepository,
                            FilePartitions.fileRanges(NightlyRun.of(manager.getJobParameters()).inputPath(file),
                                    properties.partition().minFileBytes())),
                    properties.chunkSize(), partition -> parts(file, partition));
        }

        /**
         * One partition's range of the file. On a fresh start (not a restart) the range's rows from any abandoned
         * attempt are cleared first, and the range feeds the file's screen.
         */
        StepFactory.Parts<InboxFileReader.HeaderedRecord, IngestedRow> parts(InputFile file, StepExecution partition) {
            NightlyRun run = NightlyRun.of(partition.getJobParameters());
            var context = partition.getExecutionContext();
            boolean fromTheStart = InboxFileReader.recordsRead(context, file) == 0;
            if (fromTheStart) {
                store.clear(file, run.businessDate(), FilePartitions.clearFrom(context),
                        FilePartitions.clearTo(context));
            }
            // a restarted partition did not see the records before its checkpoint: settle-ingest asks the store
            Optional<WithinFileScreen> screen = fromTheStart
                    ? screens.screen(partition.getJobExecutionId(), file, run.inputPath(file)) : Optional.empty();
            StepExecutionListener screened = new StepExecutionListener() {
                @Override
                public ExitStatus afterStep(StepExecution execution) {
                    if (execution.getStatus() == BatchStatus.COMPLETED) {
                        screen.ifPresent(s -> s.completed(execution.getId()));
                    }
                    return null;
                }
            };
            return new StepFactory.Parts<>(
                    new InboxFileReader(file, run.inputPath(file), FilePartitions.rangeOf(context)),
                    new RowValidator(file, new RowParsers(currencies), run.businessDate()),
                    new IngestWriter(file, run.businessDate(), store, database,
                            screen.map(WithinFileScreen::partition).orElse(null)),
                    List.<StepListener>of(new InputProblems(), screened));
        }
    }

    @Bean
    IngestSteps ingestSteps(StepFactory steps, JobRepository jobRepository, JdbcTemplate jdbc, InputStore store,
                            Database database, Currencies currencies, WithinFileScreens screens,
                            ReconProperties properties) {
        return new IngestSteps(steps, jobRepository, jdbc, store, database, currencies, screens, properties);
    }

    @Bean
    Step ingestCancellations(IngestSteps ingest) {
        return ingest.step(InputFile.CANCELLATIONS);
    }

    @Bean
    Step ingestRefunds(IngestSteps ingest) {
        return ingest.step(InputFile.REFUNDS);
    }

    @Bean
    Step ingestOrders(IngestSteps ingest) {
        return ingest.step(InputFile.ORDERS);
    }

    @Bean
    Step settleIngest(IngestSteps ingest) {
        return ingest.steps().tasklet(StepNames.SETTLE_INGEST, new SettleIngest(new IngestSettlement(ingest.jdbc(),
                ingest.store()), ingest.screens(), ingest.jobRepository(),
                ingest.properties().rejectThresholdPercent()));
    }

    /** Within-file screening where every partition runs in this process (not with remote workers). */
    @Bean
    WithinFileScreens withinFileScreens(Environment environment) {
        return new WithinFileScreens(!RemotePartitioning.usesBroker(environment));
    }
}
