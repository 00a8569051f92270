package com.retail.recon.batch;


import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.util.List;

/**
 * Watches every step of the nightly job: each bean of this type is a listener of every chunk step and is told
 * when a tasklet step reaches the point where a crash would hurt most. Production has none; the crash and
 * concurrency tests add one (test code: FaultInjection), so no production setting can kill a run.
 */
public interface StepObserver extends StepExecutionListener, ItemWriteListener<Object> {

    /** Called by a tasklet step at its most delicate point (publish-bundle: right after the bundle moved). */
    default void reached(String stepName) {
    }

    /** One observer that tells each of {@code observers}, in order. */
    static StepObserver all(List<StepObserver> observers) {
        List<StepObserver> each = List.copyOf(observers);
        return new StepObserver() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                each.forEach(o -> o.beforeStep(stepExecution));
            }

            @Override
            public void beforeWrite(Chunk<?> items) {
                each.forEach(o -> o.beforeWrite(items));
            }

            @Override
            public void afterWrite(Chunk<?> items) {
                each.forEach(o -> o.afterWrite(items));
            }

            @Override
            public void reached(String stepName) {
                each.forEach(o -> o.reached(stepName));
            }
        };
    }
}
