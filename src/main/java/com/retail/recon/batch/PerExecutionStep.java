package com.retail.recon.batch;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

import java.util.function.Function;

/**
 * A worker step built afresh for each of its executions, from components made for that partition (its file
 * range, its candidate orders). Step-scoped beans would give each partition its own components too, but
 * through proxies that look the bean up in the step scope and call it reflectively, for every item: on a
 * 1,000,000-line ingest that was about a sixth of the partition threads' CPU.
 */
final class PerExecutionStep implements Step {

    private final String name;
    private final Function<StepExecution, Step> build;

    PerExecutionStep(String name, Function<StepExecution, Step> build) {
        this.name = name;
        this.build = build;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void execute(StepExecution execution) throws JobInterruptedException {
        build.apply(execution).execute(execution);
    }
}
