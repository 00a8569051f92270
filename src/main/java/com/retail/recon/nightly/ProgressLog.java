package com.retail.recon.nightly;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** A line every few seconds while a long step runs: items done so far and the rate. */
public class ProgressLog implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final long everyNanos;
    private StepExecution step;
    private long started;
    private long lastLogged;

    public ProgressLog(long everySeconds) {
        this.everyNanos = everySeconds * 1_000_000_000L;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        started = System.nanoTime();
        lastLogged = started;
    }

    /** Chunk-oriented steps of Spring Batch 6 call this one. */
    @Override
    public void afterChunk(Chunk<Object> chunk) {
        report();
    }

    /** Tasklet steps call this one. */
    @Override
    public void afterChunk(ChunkContext context) {
        report();
    }

    private void report() {
        long now = System.nanoTime();
        if (step == null || now - lastLogged < everyNanos) {
            return;
        }
        lastLogged = now;
        double seconds = (now - started) / 1e9;
        log.info("{}: {} items in {}s ({} items/s)", step.getStepName(), step.getReadCount(),
                Math.round(seconds), Math.round(step.getReadCount() / seconds));
    }
}
