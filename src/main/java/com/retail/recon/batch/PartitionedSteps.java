package com.retail.recon.batch;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.ListableStepLocator;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The job's partitioned steps. Each has a manager step ({@code reconcile}) that splits the work and a worker
 * step ({@code reconcile-partition}) that one partition executes ({@code reconcile-partition:partition0}, ...).
 * Where the partitions run is the {@link Execution}'s business: threads of this process by default, or
 * worker processes on other machines. Workers find their step here by name.
 */
public class PartitionedSteps implements ListableStepLocator {

    /** Runs the partitions of a manager step. */
    public interface Execution {

        /** How many partitions a step is split into. */
        int gridSize();

        PartitionHandler handler(Step worker, int gridSize);

        /** Partitions on threads of this process, {@code partitions} at once. */
        static Execution local(int partitions) {
            return new Execution() {
                @Override
                public int gridSize() {
                    return partitions;
                }

                @Override
                public PartitionHandler handler(Step worker, int gridSize) {
                    TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
                    handler.setStep(worker);
                    handler.setGridSize(gridSize);
                    SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(worker.getName() + "-");
                    threads.setConcurrencyLimit(gridSize);
                    handler.setTaskExecutor(threads);
                    return handler;
                }
            };
        }
    }

    private final JobRepository jobRepository;
    private final Execution execution;
    private final ObservationRegistry observations;
    private final Map<String, Step> workers = new LinkedHashMap<>();

    public PartitionedSteps(JobRepository jobRepository, Execution execution, ObservationRegistry observations) {
        this.jobRepository = jobRepository;
        this.execution = execution;
        this.observations = observations;
    }

    void addWorker(Step worker) {
        workers.put(worker.getName(), worker);
    }

    /**
     * The manager step: for each of its executions, splits with the partitioner made for that execution and
     * runs the worker step once per partition.
     */
    Step manager(String name, Function<StepExecution, Partitioner> partitioner) {
        Step worker = getStep(StepNames.worker(name));
        return new PerExecutionStep(name, manager -> new StepBuilder(name, jobRepository)
                .observationRegistry(observations)
                .listener(RunLogContext.INSTANCE)
                .partitioner(worker.getName(), partitioner.apply(manager))
                .partitionHandler(execution.handler(worker, execution.gridSize()))
                .build());
    }

    @Override
    public Collection<String> getStepNames() {
        return workers.keySet();
    }

    @Override
    public Step getStep(String stepName) {
        Step step = workers.get(stepName);
        if (step == null) {
            throw new IllegalArgumentException("no partitioned step " + stepName + " (known: " + workers.keySet() + ")");
        }
        return step;
    }
}
