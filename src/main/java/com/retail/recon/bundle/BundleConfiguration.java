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
import com.retail.recon.notify.RunNotices;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bundle steps, into the run's staging folder: the six ledgers ({@code ledger-*}, chunks), a PDF/A receipt
 * per request that became REFUNDED ({@code receipts}, rendered on every core), the daily report ({@code
 * report}); then {@code publish-bundle} bags the folder, moves it into place and marks the date completed.
 */
@Configuration(proxyBeanMethods = false)
class BundleConfiguration {

    /** What the bundle steps are made with. */
    record BundleSteps(StepFactory steps, DataSource dataSource, JdbcTemplate jdbc, Currencies currencies,
                       ReconProperties properties) {

        /**
         * One ledger, read from the store and written into the staging folder. Restartable: a restart truncates
         * the file to what the last committed chunk had written, and the cursor resumes after that row.
         */
        Step ledger(Ledger ledger) {
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

    @Bean
    BundleSteps bundleSteps(StepFactory steps, DataSource dataSource, JdbcTemplate jdbc, Currencies currencies,
                            ReconProperties properties) {
        return new BundleSteps(steps, dataSource, jdbc, currencies, properties);
    }

    /**
     * One {@code Step} bean per ledger, in the order of {@link Ledger}: {@code ledgerCancellations},
     * {@code ledgerRefunds}, ... (the job takes them by these names), each made by {@link BundleSteps#ledger}.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor ledgerStepBeans() {
        return registry -> {
            for (Ledger ledger : Ledger.values()) {
                RootBeanDefinition step = new RootBeanDefinition(Step.class);
                step.setFactoryBeanName("bundleSteps");
                step.setFactoryMethodName("ledger");
                step.getConstructorArgumentValues().addGenericArgumentValue(ledger);
                registry.registerBeanDefinition(ledgerBeanName(ledger), step);
            }
        };
    }

    static String ledgerBeanName(Ledger ledger) {
        String name = ledger.name().toLowerCase(Locale.ROOT);
        return "ledger" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    @Bean
    Step receipts(BundleSteps bundle, ExecutorService receiptThreads) {
        return bundle.steps().chunks(StepNames.RECEIPTS, Math.max(1, bundle.properties().chunkSize() / 4),
                execution -> StepFactory.Parts.<ReceiptReader.NamedReceipt>readAndWrite(
                        new ReceiptReader(bundle.dataSource(), NightlyRun.of(execution.getJobParameters())
                                .businessDate(), bundle.properties().chunkSize(), bundle.currencies()),
                        new ReceiptWriter(Staging.of(execution.getJobExecution()), receiptThreads,
                                bundle.properties().policy().zone())));
    }

    @Bean
    Step report(BundleSteps bundle) {
        return bundle.steps().tasklet(StepNames.REPORT, new WriteReport(bundle.jdbc(),
                new LedgerRows(bundle.currencies()), bundle.properties().policy().zone()));
    }

    @Bean
    Step publishBundle(BundleSteps bundle, JobRepository jobRepository, BusinessDays days, RunNotices notices) {
        return bundle.steps().tasklet(StepNames.PUBLISH_BUNDLE,
                observer -> new PublishBundle(bundle.jdbc(), days, jobRepository, notices, observer));
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
}
