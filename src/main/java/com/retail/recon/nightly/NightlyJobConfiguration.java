package com.retail.recon.nightly;

import com.retail.recon.domain.Currencies;
import com.retail.recon.ingest.InboxFileReader;
import com.retail.recon.ingest.IngestSettlement;
import com.retail.recon.ingest.IngestWriter;
import com.retail.recon.ingest.IngestedRow;
import com.retail.recon.ingest.InputFile;
import com.retail.recon.ingest.InputStore;
import com.retail.recon.ingest.RowParsers;
import com.retail.recon.ingest.RowValidator;
import com.retail.recon.ingest.WithinFileScreen;
import com.retail.recon.ingest.WithinFileScreens;
import com.retail.recon.ledger.CsvLine;
import com.retail.recon.ledger.Ledger;
import com.retail.recon.ledger.LedgerRows;
import com.retail.recon.reconcile.CancellationRules;
import com.retail.recon.reconcile.OrderHistory;
import com.retail.recon.reconcile.OrderReconciler;
import com.retail.recon.reconcile.RefundAssignment;
import com.retail.recon.reconcile.ReportedRequest;
import com.retail.recon.system.ReconProperties;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The nightly job for one business date, step by step:
 * <ol>
 *   <li>{@code ingest-cancellations}, {@code ingest-refunds}, {@code ingest-orders}: each file's records,
 *       validated, to the store (chunks; restart resumes at the last committed record);</li>
 *   <li>{@code settle-ingest}: duplicates and mixed orders, counts, the reject threshold;</li>
 *   <li>{@code select-candidates}, {@code reconcile}, {@code unassigned-refunds}: the rules, one order at a
 *       time (chunks of orders); {@code refresh-statistics}: the planner learns the results' size;</li>
 *   <li>{@code ledger-*}: the six CSV ledgers into the staging bundle (chunks);</li>
 *   <li>{@code receipts}: a PDF/A receipt per request that became REFUNDED (chunks, rendered on every core);
 *       {@code report}: the daily report PDF;</li>
 *   <li>{@code publish-bundle}: the staging folder moved into place, the date marked completed.</li>
 * </ol>
 * Components that need the run's parameters are step-scoped and find which file or ledger they serve
 * from the step's name; those of the partitioned steps are made for each partition's execution instead.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    private static final String INGEST = "ingest-";
    private static final String LEDGER = "ledger-";

    @Bean
    Job nightlyReconciliation(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              NightlySteps steps, PartitionedSteps partitioned,
                              @Qualifier("ingestPartitioner") Partitioner ingestPartitioner,
                              @Qualifier("reconcilePartitioner") Partitioner reconcilePartitioner,
                              UnassignedRefunds.Reader unassignedRefundReader,
                              ItemWriter<RefundAssignment.Unassigned> unassignedRefundWriter,
                              JdbcCursorItemReader<String[]> ledgerReader,
                              FlatFileItemWriter<String[]> ledgerWriter,
                              ReceiptReader receiptReader, ReceiptWriter receiptWriter,
                              ReconProperties properties, ObjectProvider<StepObserver> observers) {
        StepObserver observer = StepObserver.all(observers.orderedStream().toList());
        ProgressLog progress = new ProgressLog(10);
        int chunk = properties.chunkSize();
        // One file at a time, each on every core (partitions): the database and the JVM fill both cores, so
        // running files side by side finished no sooner. The smaller files first warm up the code they share.
        Flow ingest = new FlowBuilder<Flow>("ingest")
                .start(partitioned.manager(INGEST + "cancellations", ingestPartitioner))
                .next(partitioned.manager(INGEST + "refunds", ingestPartitioner))
                .next(partitioned.manager(INGEST + "orders", ingestPartitioner))
                .build();
        JobBuilder job = new JobBuilder(NightlyRun.JOB_NAME, jobRepository);
        var flow = job
                .start(ingest)
                .next(new StepBuilder("settle-ingest", jobRepository)
                        .tasklet(steps::settleIngest, transactionManager).build())
                .next(new StepBuilder("select-candidates", jobRepository)
                        .tasklet(steps::selectCandidates, transactionManager).build())
                .next(partitioned.manager("reconcile", reconcilePartitioner))
                .next(new StepBuilder("unassigned-refunds", jobRepository)
                        .<UnassignedRefunds.Facts, RefundAssignment.Unassigned>chunk(chunk)
                        .transactionManager(transactionManager)
                        .reader(unassignedRefundReader).processor(UnassignedRefunds.processor())
                        .writer(unassignedRefundWriter)
                        .listener((StepListener) observer).listener((StepListener) progress)
                        .build())
                .next(new StepBuilder("refresh-statistics", jobRepository)
                        .tasklet(steps::refreshResultStatistics, transactionManager).build());
        for (Ledger ledger : Ledger.values()) {
            flow = flow.next(new StepBuilder(LEDGER + ledger.name().toLowerCase(), jobRepository)
                    .<String[], String[]>chunk(chunk)
                    .transactionManager(transactionManager)
                    .reader(ledgerReader).writer(ledgerWriter)
                    .listener((StepListener) observer).listener((StepListener) progress)
                    .build());
        }
        flow = flow.next(new StepBuilder("receipts", jobRepository)
                        .<ReceiptReader.NamedReceipt, ReceiptReader.NamedReceipt>chunk(Math.max(1, chunk / 4))
                        .transactionManager(transactionManager)
                        .reader(receiptReader).writer(receiptWriter)
                        .listener((StepListener) observer).listener((StepListener) progress)
                        .build())
                .next(new StepBuilder("report", jobRepository)
                        .tasklet(steps::writeReport, transactionManager).build());
        return flow.next(new StepBuilder("publish-bundle", jobRepository)
                        .tasklet(steps::publishBundle, transactionManager).build())
                .end().build();
    }

    /**
     * The steps that run in partitions (each partition one execution of its worker step, restartable on its
     * own): ingest of each file by byte ranges, reconcile by ranges of candidate orders. Each execution gets
     * its own reader, processor and writer, made for its partition (see {@link PerExecutionStep}).
     */
    @Bean
    PartitionedSteps partitionedSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                      PartitionedSteps.Execution execution, JdbcTemplate jdbc, DataSource dataSource,
                                      Currencies currencies, CancellationRules rules, WithinFileScreens screens,
                                      ReconProperties properties, ObjectProvider<StepObserver> observers) {
        StepObserver observer = StepObserver.all(observers.orderedStream().toList());
        int chunk = properties.chunkSize();
        PartitionedSteps steps = new PartitionedSteps(jobRepository, execution);
        for (InputFile file : InputFile.values()) {
            String name = PartitionedSteps.workerName(INGEST + file.name().toLowerCase());
            steps.addWorker(new PerExecutionStep(name, step -> {
                Optional<WithinFileScreen> screen = screenOf(step, screens);
                return new StepBuilder(name, jobRepository)
                        .<InboxFileReader.HeaderedRecord, IngestedRow>chunk(chunk)
                        .transactionManager(transactionManager)
                        .reader(inboxFileReader(step, jdbc)).processor(rowValidator(step, currencies))
                        .writer(ingestWriter(step, jdbc, screen.map(WithinFileScreen::partition).orElse(null)))
                        .listener((StepListener) observer).listener((StepListener) new ProgressLog(10))
                        .listener((StepListener) new InputProblems())
                        .listener(new StepExecutionListener() {
                            @Override
                            public ExitStatus afterStep(StepExecution execution) {
                                if (execution.getStatus() == BatchStatus.COMPLETED) {
                                    screen.ifPresent(s -> s.completed(execution.getId()));
                                }
                                return null;
                            }
                        })
                        .build();
            }));
        }
        String reconcile = PartitionedSteps.workerName("reconcile");
        steps.addWorker(new PerExecutionStep(reconcile, step -> new StepBuilder(reconcile, jobRepository)
                .<OrderHistory, List<ReportedRequest>>chunk(chunk)
                .transactionManager(transactionManager)
                .reader(orderHistoryReader(step, dataSource, properties)).processor(orderReconciler(step, rules))
                .writer(reconcileWriter(step, jdbc, rules))
                .listener((StepListener) observer).listener((StepListener) new ProgressLog(10))
                .build()));
        return steps;
    }

    /**
     * Partitions run on threads of this process, as many at once as there are partitions (unless
     * recon.workers.mode=remote: see scaleout.RemotePartitioning).
     */
    @Bean
    @ConditionalOnProperty(name = "recon.workers.mode", havingValue = "local", matchIfMissing = true)
    PartitionedSteps.Execution localPartitions(ReconProperties properties) {
        return PartitionedSteps.Execution.local(properties.partitions());
    }

    /** From the step's name: {@code ingest-orders}, or a partition of it ({@code ingest-orders-partition:...}). */
    static InputFile inputFileOf(StepExecution step) {
        String file = step.getStepName().substring(INGEST.length()).split("[-:]")[0];
        return InputFile.valueOf(file.toUpperCase());
    }

    static Ledger ledgerOf(StepExecution step) {
        return Ledger.valueOf(step.getStepName().substring(LEDGER.length()).toUpperCase());
    }

    @Bean
    NightlySteps nightlySteps(JdbcTemplate jdbc, ReconProperties properties, JobRepository jobRepository,
                              ObjectProvider<StepObserver> observers, Currencies currencies,
                              WithinFileScreens screens) {
        return new NightlySteps(jdbc, new IngestSettlement(jdbc, new InputStore(jdbc)), screens, new ResultStore(jdbc),
                properties.rejectThresholdPercent(), jobRepository,
                StepObserver.all(observers.orderedStream().toList()), new LedgerRows(currencies),
                properties.policy().zone());
    }

    // --- ingest ---

    /** The file's partitions: byte ranges that start at record boundaries. */
    @Bean
    @StepScope
    Partitioner ingestPartitioner(@Value("#{stepExecution}") StepExecution step, JobRepository jobRepository,
                                  ReconProperties properties) {
        return Partitions.remembered(step, jobRepository, Partitions.fileRanges(
                NightlyRun.of(step.getJobParameters()).inputPath(inputFileOf(step)),
                properties.partition().minFileBytes()));
    }

    /**
     * One partition's range of the file. On a fresh start (not a restart) the range's rows from any abandoned
     * attempt are cleared first.
     */
    private static InboxFileReader inboxFileReader(StepExecution step, JdbcTemplate jdbc) {
        NightlyRun run = NightlyRun.of(step.getJobParameters());
        InputFile file = inputFileOf(step);
        var partition = step.getExecutionContext();
        if (InboxFileReader.recordsRead(partition, file) == 0) {
            new InputStore(jdbc).clear(file, run.businessDate(), Partitions.clearFrom(partition),
                    Partitions.clearTo(partition));
        }
        return new InboxFileReader(file, run.inputPath(file), Partitions.rangeOf(partition));
    }

    private static RowValidator rowValidator(StepExecution step, Currencies currencies) {
        return new RowValidator(inputFileOf(step), new RowParsers(currencies),
                NightlyRun.of(step.getJobParameters()).businessDate());
    }

    private static IngestWriter ingestWriter(StepExecution step, JdbcTemplate jdbc, WithinFileScreen.Partition screen) {
        return new IngestWriter(inputFileOf(step), NightlyRun.of(step.getJobParameters()).businessDate(),
                new InputStore(jdbc), screen);
    }

    /**
     * The screen a partition feeds, when it starts from the first record of its range (a restarted partition
     * did not see the records before its checkpoint, so settle-ingest will ask the store for that file).
     */
    private static Optional<WithinFileScreen> screenOf(StepExecution step, WithinFileScreens screens) {
        InputFile file = inputFileOf(step);
        if (InboxFileReader.recordsRead(step.getExecutionContext(), file) > 0) {
            return Optional.empty();
        }
        return screens.screen(step.getJobExecutionId(), file,
                NightlyRun.of(step.getJobParameters()).inputPath(file));
    }

    /** Within-file screening where every partition runs in this process (not with remote workers). */
    @Bean
    WithinFileScreens withinFileScreens(Environment environment) {
        return new WithinFileScreens(!com.retail.recon.scaleout.RemotePartitioning.usesBroker(environment));
    }

    // --- reconcile ---

    /** Ranges of the candidate orders (numbered 1..n by select-candidates). */
    @Bean
    @StepScope
    Partitioner reconcilePartitioner(@Value("#{stepExecution}") StepExecution step, JdbcTemplate jdbc,
                                     JobRepository jobRepository) {
        return Partitions.remembered(step, jobRepository, gridSize -> Partitions.sequenceRanges(
                jdbc.queryForObject("SELECT COUNT(*) FROM recon_candidate WHERE business_date = ?", Long.class,
                        NightlyRun.of(step.getJobParameters()).businessDate())).partition(gridSize));
    }

    private static OrderHistoryReader orderHistoryReader(StepExecution step, DataSource dataSource,
                                                         ReconProperties properties) {
        var partition = step.getExecutionContext();
        return new OrderHistoryReader(dataSource, NightlyRun.of(step.getJobParameters()).businessDate(),
                Partitions.seqFrom(partition), Partitions.seqTo(partition), properties.chunkSize());
    }

    private static ReconcileProcessor orderReconciler(StepExecution step, CancellationRules rules) {
        return new ReconcileProcessor(new OrderReconciler(rules), NightlyRun.of(step.getJobParameters()).businessDate());
    }

    private static ReconcileWriter reconcileWriter(StepExecution step, JdbcTemplate jdbc, CancellationRules rules) {
        return new ReconcileWriter(new ResultStore(jdbc), NightlyRun.of(step.getJobParameters()).businessDate(),
                rules);
    }

    @Bean
    @StepScope
    UnassignedRefunds.Reader unassignedRefundReader(
            @Value("#{stepExecution}") StepExecution step, DataSource dataSource, JdbcTemplate jdbc,
            ReconProperties properties) {
        var date = NightlyRun.of(step.getJobParameters()).businessDate();
        ResultStore results = new ResultStore(jdbc);
        return UnassignedRefunds.reader(dataSource, date, results.datesCarryingOpenItemsInto(date),
                results.isPostgres(), properties.chunkSize());
    }

    @Bean
    @StepScope
    UnassignedRefunds.Writer unassignedRefundWriter(@Value("#{stepExecution}") StepExecution step,
                                                    JdbcTemplate jdbc) {
        return new UnassignedRefunds.Writer(new ResultStore(jdbc), NightlyRun.of(step.getJobParameters()).businessDate());
    }

    // --- receipts ---

    @Bean
    @StepScope
    ReceiptReader receiptReader(@Value("#{stepExecution}") StepExecution step, DataSource dataSource,
                                ReconProperties properties, Currencies currencies) {
        return new ReceiptReader(dataSource, NightlyRun.of(step.getJobParameters()).businessDate(),
                properties.chunkSize(), currencies);
    }

    @Bean
    @StepScope
    ReceiptWriter receiptWriter(@Value("#{stepExecution}") StepExecution step, ExecutorService receiptThreads,
                                ReconProperties properties) {
        NightlyRun run = NightlyRun.of(step.getJobParameters());
        var staging = com.retail.recon.archive.Bundles.staging(run.archive(), run.businessDate(),
                step.getJobExecution().getJobInstance().getInstanceId());
        return new ReceiptWriter(staging, receiptThreads, properties.policy().zone());
    }

    /** Receipts render on every core: one renderer (with its parsed fonts) per thread. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService receiptThreads() {
        int threads = Runtime.getRuntime().availableProcessors();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "receipt-renderer");
            thread.setDaemon(true);
            return thread;
        });
    }

    // --- ledgers ---

    @Bean
    @StepScope
    JdbcCursorItemReader<String[]> ledgerReader(@Value("#{stepExecution}") StepExecution step,
                                                DataSource dataSource, Currencies currencies,
                                                ReconProperties properties) {
        Ledger ledger = ledgerOf(step);
        Date businessDate = Date.valueOf(NightlyRun.of(step.getJobParameters()).businessDate());
        JdbcCursorItemReader<String[]> reader = new JdbcCursorItemReader<>(dataSource, ledger.query(),
                new LedgerRows(currencies).mapper(ledger));
        reader.setName(LEDGER + ledger.name().toLowerCase());
        reader.setPreparedStatementSetter(ps -> ps.setDate(1, businessDate));
        reader.setFetchSize(properties.chunkSize());
        reader.setConnectionAutoCommit(false);
        reader.setVerifyCursorPosition(false);
        return reader;
    }

    /** Restartable: a restart truncates the file to what the last committed chunk had written. */
    @Bean
    @StepScope
    FlatFileItemWriter<String[]> ledgerWriter(@Value("#{stepExecution}") StepExecution step) {
        Ledger ledger = ledgerOf(step);
        NightlyRun run = NightlyRun.of(step.getJobParameters());
        var staging = com.retail.recon.archive.Bundles.staging(run.archive(), run.businessDate(),
                step.getJobExecution().getJobInstance().getInstanceId());
        FlatFileItemWriter<String[]> writer = new FlatFileItemWriter<>(new CsvLine());
        writer.setName(LEDGER + ledger.name().toLowerCase());
        writer.setResource(new FileSystemResource(
                com.retail.recon.archive.Bundles.ledgers(staging).resolve(ledger.fileName())));
        writer.setEncoding(StandardCharsets.UTF_8.name());
        writer.setLineSeparator("\n");
        writer.setHeaderCallback(out -> out.write(String.join(",", ledger.columns())));
        writer.setShouldDeleteIfExists(true);
        writer.setTransactional(true);
        return writer;
    }
}
