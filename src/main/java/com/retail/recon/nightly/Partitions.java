package com.retail.recon.nightly;

import com.retail.recon.ingest.FileRanges;
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
 * <ul>
 *   <li>ingest: byte ranges of the file that start at record boundaries ({@link FileRanges});</li>
 *   <li>reconcile: ranges of the candidate orders' sequence numbers (an order, its requests and the refunds
 *       that may pay them are always in one partition).</li>
 * </ul>
 */
final class Partitions {

    static final String INDEX = "partition.index";
    private static final String RANGE_START = "range.start";
    private static final String RANGE_END = "range.end";
    private static final String RANGE_FIRST_LINE = "range.first-line";
    /** Lines [clear.from, clear.to) are this partition's to clear on a fresh start. */
    private static final String CLEAR_FROM = "clear.from";
    private static final String CLEAR_TO = "clear.to";
    private static final String SEQ_FROM = "seq.from";
    private static final String SEQ_TO = "seq.to";

    private Partitions() {
    }

    static String name(int index) {
        return "partition" + index;
    }

    /**
     * Splits once per job instance: the partitions are saved in the manager step's context as soon as they are
     * made, and a restart gets exactly those again, even if the settings (or the file's size) that decided
     * them differ now. (Spring Batch asks the partitioner again on a restart; a second split into other ranges
     * would resume one partition's checkpoint over another partition's range.)
     */
    static Partitioner remembered(StepExecution manager, JobRepository repository, Partitioner split) {
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

    /** The partitions of one inbox file; a file smaller than {@code minBytesPerRange} twice is not split. */
    static Partitioner fileRanges(Path file, long minBytesPerRange) {
        return gridSize -> {
            List<FileRanges.Range> ranges;
            try {
                ranges = FileRanges.split(file, gridSize, minBytesPerRange);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
            for (FileRanges.Range range : ranges) {
                ExecutionContext context = new ExecutionContext();
                context.putInt(INDEX, range.index());
                context.putLong(RANGE_START, range.start());
                context.putLong(RANGE_END, range.end());
                context.putLong(RANGE_FIRST_LINE, range.firstLine());
                boolean last = range.index() == ranges.size() - 1;
                context.putLong(CLEAR_FROM, range.index() == 0 ? 0 : range.firstLine());
                context.putLong(CLEAR_TO, last ? Long.MAX_VALUE : ranges.get(range.index() + 1).firstLine());
                contexts.put(name(range.index()), context);
            }
            return contexts;
        };
    }

    static FileRanges.Range rangeOf(ExecutionContext context) {
        return new FileRanges.Range(context.getInt(INDEX), context.getLong(RANGE_START), context.getLong(RANGE_END),
                context.getLong(RANGE_FIRST_LINE));
    }

    static long clearFrom(ExecutionContext context) {
        return context.getLong(CLEAR_FROM);
    }

    static long clearTo(ExecutionContext context) {
        return context.getLong(CLEAR_TO);
    }

    /** Candidates 1..count in {@code gridSize} contiguous ranges of about equal size. */
    static Partitioner sequenceRanges(long count) {
        return gridSize -> {
            int parts = (int) Math.max(1, Math.min(gridSize, count));
            Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
            for (int i = 0; i < parts; i++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt(INDEX, i);
                context.putLong(SEQ_FROM, count * i / parts + 1);
                context.putLong(SEQ_TO, count * (i + 1) / parts + 1);
                contexts.put(name(i), context);
            }
            return contexts;
        };
    }

    /** Sequence numbers [from, to) of the partition. */
    static long seqFrom(ExecutionContext context) {
        return context.getLong(SEQ_FROM);
    }

    static long seqTo(ExecutionContext context) {
        return context.getLong(SEQ_TO);
    }
}
