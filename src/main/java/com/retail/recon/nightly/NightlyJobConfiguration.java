package com.retail.recon.nightly;

import com.retail.recon.batch.NightlyRun;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job for one business date: the steps of the slices, in order. Each slice builds its own steps
 * (ingest.IngestConfiguration, reconcile.batch.ReconcileConfiguration, bundle.BundleConfiguration); their
 * names are in batch.StepNames.
 * <ol>
 *   <li>{@code ingest-cancellations}, {@code ingest-refunds}, {@code ingest-orders}: each file's records,
 *       validated, to the store (partitions of byte ranges; restart resumes at the last committed record);</li>
 *   <li>{@code settle-ingest}: duplicates and mixed orders, counts, the reject threshold;</li>
 *   <li>{@code select-candidates}, {@code reconcile}, {@code unassigned-refunds}: the rules, one order at a
 *       time (partitions of candidate orders); {@code refresh-statistics}: the planner learns the results' size;</li>
 *   <li>{@code ledger-*}: the six CSV ledgers into the staging bundle (chunks);</li>
 *   <li>{@code cases}: the date's flags become cases, or move the ones there are (cases.CaseNight);</li>
 *   <li>{@code receipts}: a PDF/A receipt per request that became REFUNDED (chunks, rendered on every core);
 *       {@code report}: the daily report PDF;</li>
 *   <li>{@code publish-bundle}: the staging folder moved into place, the date marked completed.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

    @Bean
    Job nightlyReconciliation(JobRepository jobRepository,
                              Step ingestCancellations, Step ingestRefunds, Step ingestOrders, Step settleIngest,
                              Step selectCandidates, Step reconcile, Step unassignedRefunds, Step refreshStatistics,
                              Step ledgerCancellations, Step ledgerRefunds, Step ledgerEscalations,
                              Step ledgerExceptions, Step ledgerRejects, Step ledgerSummary,
                              Step cases, Step receipts, Step report, Step publishBundle) {
        // One file at a time, each on every core (partitions): the database and the JVM fill both cores, so
        // running files side by side finished no sooner. The smaller files first warm up the code they share.
        Flow ingest = new FlowBuilder<Flow>("ingest")
                .start(ingestCancellations).next(ingestRefunds).next(ingestOrders)
                .build();
        return new JobBuilder(NightlyRun.JOB_NAME, jobRepository)
                .start(ingest)
                .next(settleIngest)
                .next(selectCandidates).next(reconcile).next(unassignedRefunds).next(refreshStatistics)
                .next(ledgerCancellations).next(ledgerRefunds).next(ledgerEscalations)
                .next(ledgerExceptions).next(ledgerRejects).next(ledgerSummary)
                .next(cases)
                .next(receipts).next(report)
                .next(publishBundle)
                .end().build();
    }
}
