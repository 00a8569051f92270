package com.retail.recon.batch;

import com.retail.recon.system.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress while a long step runs: items done, the rate and, where the step knows its total (ingest: bytes of
 * the file), an ETA. On an interactive terminal one line on stderr is redrawn every second; otherwise (cron,
 * logs) a log line every few seconds. Partitions of a step run at once on their own threads and report
 * each for itself.
 */
class ProgressLog implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final long everyNanos;
    private final boolean terminal = System.console() != null;
    private final ThreadLocal<Running> running = new ThreadLocal<>();

    private static final class Running {
        final StepExecution step;
        final long started;
        long lastLogged;

        Running(StepExecution step) {
            this.step = step;
            this.started = System.nanoTime();
            this.lastLogged = started;
        }
    }

    public ProgressLog(long everySeconds) {
        this.everyNanos = everySeconds * 1_000_000_000L;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        running.set(new Running(stepExecution));
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
        Running run = running.get();
        long now = System.nanoTime();
        if (run == null || now - run.lastLogged < (terminal ? 1_000_000_000L : everyNanos)) {
            return;
        }
        run.lastLogged = now;
        StepExecution step = run.step;
        double seconds = (now - run.started) / 1e9;
        String line = step.getStepName() + ": " + step.getReadCount() + " items in " + Math.round(seconds) + "s ("
                + Math.round(step.getReadCount() / seconds) + " items/s)" + eta(step, seconds);
        if (terminal) {
            System.err.print("\r" + line + "   ");
            System.err.flush();
        } else {
            log.info(line);
        }
    }

    private static String eta(StepExecution step, double seconds) {
        var context = step.getExecutionContext();
        if (!context.containsKey(Progress.TOTAL)) {
            return "";
        }
        double done = context.getLong(Progress.DONE);
        double total = context.getLong(Progress.TOTAL);
        if (done <= 0 || total <= 0) {
            return "";
        }
        long remaining = Math.round(seconds * (total - done) / done);
        return String.format(", %d%% done, about %ds left", Math.round(100 * done / total), remaining);
    }

    @Override
    public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
        Running run = running.get();
        running.remove();
        if (terminal && run != null && run.lastLogged != run.started) {
            System.err.println();
        }
        return null;
    }
}
