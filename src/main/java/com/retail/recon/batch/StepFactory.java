package com.retail.recon.batch;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import java.util.function.Function;

/**
 * How every step of the nightly job is built, one way for all: a tasklet, or chunks whose reader, processor
 * and writer are made for each step execution from that execution (its job parameters, its partition's
 * share) by a {@link PerExecutionStep}, so that no component needs the step scope. Every chunk step reports
 * its progress and tells the {@link StepObserver}s.
 */
public final class StepFactory {

    /**
     * What one execution of a chunk step reads, processes (null: items are written as read) and writes, plus
     * listeners of its own.
     */
    public record Parts<I, O>(ItemReader<? extends I> reader, ItemProcessor<? super I, ? extends O> processor,
                              ItemWriter<? super O> writer, List<StepListener> listeners) {

        public Parts(ItemReader<? extends I> reader, ItemProcessor<? super I, ? extends O> processor,
                     ItemWriter<? super O> writer) {
            this(reader, processor, writer, List.of());
        }

        public static <T> Parts<T, T> readAndWrite(ItemReader<? extends T> reader, ItemWriter<? super T> writer) {
            return new Parts<>(reader, null, writer, List.of());
        }
    }

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final PartitionedSteps partitioned;
    private final StepObserver observer;
    private final ObservationRegistry observations;

    /**
     * @param observations Spring Batch's step and chunk observations go here (metrics.MetricsExport: only in the
     *                     processes that export metrics; {@link ObservationRegistry#NOOP} elsewhere). Boot's
     *                     BatchObservabilityBeanPostProcessor reaches only steps that are beans; the steps made per
     *                     execution get it here.
     */
    public StepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       PartitionedSteps partitioned, StepObserver observer, ObservationRegistry observations) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.partitioned = partitioned;
        this.observer = observer;
        this.observations = observations;
    }

    public Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).observationRegistry(observations)
                .listener(RunLogContext.INSTANCE)
                .tasklet(tasklet, transactionManager).build();
    }

    /** A tasklet told of the observers (publish-bundle tells them when the bundle is in place). */
    public Step tasklet(String name, Function<StepObserver, Tasklet> tasklet) {
        return tasklet(name, tasklet.apply(observer));
    }

    /** A chunk step whose parts are made for each of its executions. */
    public <I, O> Step chunks(String name, int chunkSize, Function<StepExecution, Parts<I, O>> parts) {
        return new PerExecutionStep(name, execution -> build(name, chunkSize, parts.apply(execution)));
    }

    /**
     * A partitioned step: {@code partitioner} splits the work of each execution (it gets the manager's
     * execution, whose context remembers the split for a restart), and the worker step
     * {@link StepNames#worker} runs each partition with parts made for it.
     */
    public <I, O> Step partitioned(String name, Function<StepExecution, Partitioner> partitioner, int chunkSize,
                                   Function<StepExecution, Parts<I, O>> partParts) {
        String worker = StepNames.worker(name);
        partitioned.addWorker(chunks(worker, chunkSize, partParts));
        return partitioned.manager(name, partitioner);
    }

    private <I, O> Step build(String name, int chunkSize, Parts<I, O> parts) {
        var step = new StepBuilder(name, jobRepository)
                .<I, O>chunk(chunkSize)
                .observationRegistry(observations)
                .transactionManager(transactionManager)
                .reader(parts.reader()).writer(parts.writer())
                .listener((StepListener) RunLogContext.INSTANCE)
                .listener((StepListener) observer).listener((StepListener) new ProgressLog(10));
        if (parts.processor() != null) {
            step = step.processor(parts.processor());
        }
        for (StepListener listener : parts.listeners()) {
            step = step.listener(listener);
        }
        return step.build();
    }
}
