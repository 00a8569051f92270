package com.retail.recon.batch;

import org.slf4j.MDC;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDate;

/**
 * Puts the run's business date and run id into the logging context (MDC: {@code business_date}, {@code run_id})
 * of every thread that runs a step of it, the partitions' threads and a remote worker's included, so that each
 * line a run logs says which run it belongs to (README "Monitoring": {@code --log-format json} writes them as
 * fields). A listener of every step (StepFactory, PartitionedSteps).
 */
public final class RunLogContext implements StepExecutionListener {

    public static final String BUSINESS_DATE = "business_date";
    public static final String RUN_ID = "run_id";

    static final RunLogContext INSTANCE = new RunLogContext();

    private RunLogContext() {
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        NightlyRun run = NightlyRun.of(stepExecution.getJobExecution().getJobParameters());
        MDC.put(BUSINESS_DATE, run.businessDate().toString());
        MDC.put(RUN_ID, NightlyRun.runId(stepExecution.getJobExecution().getJobInstance().getInstanceId()));
    }

    /** Before a run of {@code date} starts (its planning, the job's launch); {@link #leave()} after it. */
    public static void enter(LocalDate date) {
        MDC.put(BUSINESS_DATE, date.toString());
    }

    public static void leave() {
        MDC.remove(BUSINESS_DATE);
        MDC.remove(RUN_ID);
    }
}
