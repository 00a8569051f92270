package com.retail.recon.batch;

import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the heavy steps are cut into partitions, and what each partition's execution context says about its
 * share. A partition's context is saved in the job repository when the step splits, so a restart gives every
 * unfinished partition the same share again (and skips the finished ones).
 * The slices say how they split: ingest.FilePartitions (byte ranges of a file), reconcile.batch.CandidatePartitions
 * (ranges of candidate orders).
 */
public final class Partitions {

    public static final String INDEX = "partition.index";
    /** Lines [clear.from, clear.to) are this partition's to clear on a fresh start. */

    private Partitions() {
    }

    public static String name(int index) {
        return "partition" + index;
    }

    /**
     * Splits once per job instance: the partitions are saved in the manager step's context as soon as they are
     * made, and a restart gets exactly those again, even if the settings (or the file's size) that decided
     * them differ now. (Spring Batch asks the partitioner again on a restart; a second split into other ranges
     * would resume one partition's checkpoint over another partition's range.)
     */
    public static Partitioner remembered(StepExecution manager, JobRepository repository, Partitioner split) {
        return new Remembered(manager, repository, split);
    }

    private record Remembered(StepExecution manager, JobRepository repository, Partitioner split)
            implements Partitioner, PartitionNameProvider {

        private static final String SAVED = "partitions";

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, ExecutionContext> partition(int gridSize) {
            var saved = (LinkedHashMap<String, HashMap<String, Object>>) manager.getExecutionContext().get(SAVED);
            if (saved == null) {
                Map<String, ExecutionContext> contexts = split.partition(gridSize);
                saved = new LinkedHashMap<>();
                for (Map.Entry<String, ExecutionContext> partition : contexts.entrySet()) {
                    HashMap<String, Object> values = new HashMap<>();
                    partition.getValue().entrySet().forEach(e -> values.put(e.getKey(), e.getValue()));
                    saved.put(partition.getKey(), values);
                }
                manager.getExecutionContext().put(SAVED, saved);
                repository.updateExecutionContext(manager);
            }
            Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
            saved.forEach((name, values) -> contexts.put(name, new ExecutionContext(values)));
            return contexts;
        }

        @Override
        public Collection<String> getPartitionNames(int gridSize) {
            return partition(gridSize).keySet();
        }
    }

}
