package com.retail.recon.nightly;

import com.retail.recon.batch.StepNames;
import com.retail.recon.batch.StepObserver;

import org.springframework.batch.core.step.StepExecution;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * The crash tests' observer (test code only: the production jar has no way to halt a run), off unless
 * configured: {@code recon.fault.halt-step=<step>} with
 * {@code recon.fault.halt-at-write=<n>} kills the JVM (as {@code kill -9} would, exit 137) inside the
 * transaction of the n-th chunk that step writes; for the publish-bundle step it kills the JVM right
 * after the bundle was moved into place. {@code recon.fault.pause-step} with {@code recon.fault.pause-millis}
 * holds a step before its first write (to test concurrent runs); with {@code recon.fault.pause-until=<file>} the
 * pause ends as soon as that file exists, so that a test on a busy machine releases it when it is ready.
 */
public class FaultInjection implements StepObserver {

    private final String haltStep;
    private final int haltAtWrite;
    private final String pauseStep;
    private final long pauseMillis;
    private final Path pauseUntil;
    /** Per thread: partitions of a step run at once, each on its own thread. */
    private final ThreadLocal<String> currentStep = ThreadLocal.withInitial(() -> "");
    private final ThreadLocal<int[]> writes = ThreadLocal.withInitial(() -> new int[1]);

    FaultInjection(String haltStep, int haltAtWrite, String pauseStep, long pauseMillis, String pauseUntil) {
        this.haltStep = haltStep == null ? "" : haltStep;
        this.haltAtWrite = haltAtWrite;
        this.pauseStep = pauseStep == null ? "" : pauseStep;
        this.pauseMillis = pauseMillis;
        this.pauseUntil = pauseUntil == null ? null : Path.of(pauseUntil);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        currentStep.set(stepExecution.getStepName());
        writes.get()[0] = 0;
    }

    @Override
    public void beforeWrite(Chunk<?> items) {
        if (writes.get()[0] == 0 && matches(pauseStep)) {
            long end = System.currentTimeMillis() + pauseMillis;
            try {
                while (System.currentTimeMillis() < end && (pauseUntil == null || !Files.exists(pauseUntil))) {
                    Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        if (++writes.get()[0] == haltAtWrite && matches(haltStep)) {
            Runtime.getRuntime().halt(137);
        }
    }

    /** The step itself, or one of its partitions ({@code reconcile} matches {@code reconcile-partition:partition1}). */
    private boolean matches(String configured) {
        String step = currentStep.get();
        return !configured.isEmpty() && StepNames.isStepOrPartitionOf(step, configured);
    }

    @Override
    public void reached(String step) {
        if (step.equals(haltStep)) {
            Runtime.getRuntime().halt(137);
        }
    }
}
