package com.retail.recon.bundle;

import com.retail.recon.archive.Bundles;
import com.retail.recon.batch.BusinessDays;
import com.retail.recon.batch.NightlyRun;
import com.retail.recon.batch.StepFactory;
import com.retail.recon.batch.StepNames;
import com.retail.recon.domain.Currencies;
import com.retail.recon.ledger.CsvLine;
import com.retail.recon.ledger.Ledger;
import com.retail.recon.ledger.LedgerRows;
import com.retail.recon.system.Cores;
import com.retail.recon.system.ReconProperties;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bundle steps, into the run's staging folder: the six ledgers ({@code ledger-*}, chunks), a PDF/A receipt
 * per request that became REFUNDED ({@code receipts}, rendered on every core), the daily report ({@code
 * report}); then {@code publish-bundle} bags the folder, moves it into place and marks the date completed.
 */
@Configuration(proxyBeanMethods = false)
class BundleConfiguration {

    private final StepFactory steps;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Currencies currencies;
    private final ReconProperties properties;

    BundleConfiguration(StepFactory steps, DataSource dataSource, JdbcTemplate jdbc, Currencies currencies,
                        ReconProperties properties) {
        this.steps = steps;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.currencies = currencies;
        this.properties = properties;
    }

    @Bean
    Step ledgerCancellations() {
        return ledger(Ledger.CANCELLATIONS);
    }

    @Bean
    Step ledgerRefunds() {
        return ledger(Ledger.REFUNDS);
    }

    @Bean
    Step ledgerEscalations() {
        return ledger(Ledger.ESCALATIONS);
    }

    @Bean
    Step ledgerExceptions() {
        return ledger(Ledger.EXCEPTIONS);
    }

    @Bean
    Step ledgerRejects() {
        return ledger(Ledger.REJECTS);
    }

    @Bean
    Step ledgerSummary() {
        return ledger(Ledger.SUMMARY);
    }

    @Bean
    Step receipts(ExecutorService receiptThreads) {
        return steps.chunks(StepNames.RECEIPTS, Math.max(1, properties.chunkSize() / 4), execution ->
                StepFactory.Parts.<ReceiptReader.NamedReceipt>readAndWrite(
                        new ReceiptReader(dataSource, NightlyRun.of(execution.getJobParameters()).businessDate(),
                                properties.chunkSize(), currencies),
                        new ReceiptWriter(Staging.of(execution.getJobExecution()), receiptThreads,
                                properties.policy().zone())));
    }

    @Bean
    Step report() {
        return steps.tasklet(StepNames.REPORT, new WriteReport(jdbc, new LedgerRows(currencies),
                properties.policy().zone()));
    }

    @Bean
    Step publishBundle(JobRepository jobRepository, BusinessDays days) {
        return steps.tasklet(StepNames.PUBLISH_BUNDLE,
                observer -> new PublishBundle(jdbc, days, jobRepository, observer));
    }

    /** Receipts render on every core: one renderer (with its parsed fonts) per thread. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService receiptThreads() {
        int threads = Cores.orOnePerCore(0);
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "receipt-renderer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * One ledger, read from the store and written into the staging folder. Restartable: a restart truncates
     * the file to what the last committed chunk had written, and the cursor resumes after that row.
     */
    private Step ledger(Ledger ledger) {
        String name = StepNames.ledger(ledger);
        return steps.chunks(name, properties.chunkSize(), execution -> {
            Date businessDate = Date.valueOf(NightlyRun.of(execution.getJobParameters()).businessDate());
            JdbcCursorItemReader<String[]> reader = new JdbcCursorItemReader<>(dataSource, ledger.query(),
                    new LedgerRows(currencies).mapper(ledger));
            reader.setName(name);
            reader.setPreparedStatementSetter(ps -> ps.setDate(1, businessDate));
            reader.setFetchSize(properties.chunkSize());
            reader.setConnectionAutoCommit(false);
            reader.setVerifyCursorPosition(false);
            FlatFileItemWriter<String[]> writer = new FlatFileItemWriter<>(new CsvLine());
            writer.setName(name);
            writer.setResource(new FileSystemResource(
                    Bundles.ledgers(Staging.of(execution.getJobExecution())).resolve(ledger.fileName())));
            writer.setEncoding(StandardCharsets.UTF_8.name());
            writer.setLineSeparator("\n");
            writer.setHeaderCallback(out -> out.write(String.join(",", ledger.columns())));
            writer.setShouldDeleteIfExists(true);
            writer.setTransactional(true);
            return StepFactory.Parts.readAndWrite(reader, writer);
        });
    }
}
