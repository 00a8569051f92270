package com.retail.recon.reconcile.batch;

import com.retail.recon.batch.BusinessDays;
import com.retail.recon.batch.NightlyRun;
import com.retail.recon.batch.Partitions;
import com.retail.recon.batch.StepFactory;
import com.retail.recon.batch.StepNames;
import com.retail.recon.domain.Currencies;
import com.retail.recon.reconcile.CancellationRules;
import com.retail.recon.reconcile.OrderHistory;
import com.retail.recon.reconcile.OrderReconciler;
import com.retail.recon.reconcile.RefundAssignment;
import com.retail.recon.reconcile.ReportedRequest;
import com.retail.recon.system.Database;
import com.retail.recon.system.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;

/**
 * The reconcile steps: {@code select-candidates} (the orders touched on D or carrying open requests),
 * {@code reconcile} (the rules, one order at a time, in partitions of candidate ranges), {@code
 * unassigned-refunds} (orphan and ambiguous refunds) and {@code refresh-statistics} (so that the bundle's
 * queries plan for tonight's results).
 */
@Configuration(proxyBeanMethods = false)
class ReconcileConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReconcileConfiguration.class);

    @Bean
    Step selectCandidates(StepFactory steps, ResultStore results, BusinessDays days) {
        return steps.tasklet(StepNames.SELECT_CANDIDATES, (contribution, context) -> {
            LocalDate date = NightlyRun.of(context.getStepContext().getStepExecution().getJobParameters())
                    .businessDate();
            List<LocalDate> incomplete = days.incompleteBefore(date);
            if (!incomplete.isEmpty()) {
                throw new IllegalStateException("the earlier business date " + incomplete.get(0)
                        + " has not completed; its data may be partial. Complete it first (recon run/restart "
                        + "--date " + incomplete.get(0) + ")");
            }
            results.clear(date);
            int orders = results.selectCandidates(date, days.carryingOpenItemsInto(date));
            results.refreshCandidateStatistics(orders);
            log.info("{} orders to reconcile", orders);
            return RepeatStatus.FINISHED;
        });
    }

    /** Ranges of the candidate orders (numbered 1..n by select-candidates), one order never split. */
    @Bean
    Step reconcile(StepFactory steps, JobRepository jobRepository, CancellationRules rules, ResultStore results,
                   Database database, DataSource dataSource, JdbcTemplate jdbc, ReconProperties properties) {
        return steps.partitioned(StepNames.RECONCILE, manager -> Partitions.remembered(manager, jobRepository,
                        gridSize -> CandidatePartitions.sequenceRanges(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM recon_candidate WHERE business_date = ?", Long.class,
                                NightlyRun.of(manager.getJobParameters()).businessDate())).partition(gridSize)),
                properties.chunkSize(), partition -> {
                    LocalDate date = NightlyRun.of(partition.getJobParameters()).businessDate();
                    var range = partition.getExecutionContext();
                    return new StepFactory.Parts<OrderHistory, List<ReportedRequest>>(
                            new OrderHistoryReader(dataSource, database.isPostgres(), date,
                                    CandidatePartitions.seqFrom(range), CandidatePartitions.seqTo(range),
                                    properties.chunkSize()),
                            new ReconcileProcessor(new OrderReconciler(rules), date),
                            new ReconcileWriter(results, database, date, rules));
                });
    }

    @Bean
    Step unassignedRefunds(StepFactory steps, ResultStore results, BusinessDays days, Database database,
                           Currencies currencies, DataSource dataSource, ReconProperties properties) {
        return steps.chunks(StepNames.UNASSIGNED_REFUNDS, properties.chunkSize(), execution -> {
            LocalDate date = NightlyRun.of(execution.getJobParameters()).businessDate();
            return new StepFactory.Parts<UnassignedRefunds.Facts, RefundAssignment.Unassigned>(
                    UnassignedRefunds.reader(dataSource, date, days.carryingOpenItemsInto(date),
                            database.isPostgres(), properties.chunkSize()),
                    UnassignedRefunds.processor(currencies), new UnassignedRefunds.Writer(results, date));
        });
    }

    /** So that the ledger and receipt queries plan for this night's results, not an empty table's. */
    @Bean
    Step refreshStatistics(StepFactory steps, ResultStore results, JdbcTemplate jdbc) {
        return steps.tasklet(StepNames.REFRESH_STATISTICS, (contribution, context) -> {
            LocalDate date = NightlyRun.of(context.getStepContext().getStepExecution().getJobParameters())
                    .businessDate();
            results.refreshStatistics(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM recon_request WHERE business_date = ?", Long.class, date));
            return RepeatStatus.FINISHED;
        });
    }
}
