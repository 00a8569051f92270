package com.retail.recon.ingest;

import com.retail.recon.batch.Partitions;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest partitions: byte ranges of the file that start at record boundaries ({@link FileRanges}), and
 * the lines each must clear of an abandoned attempt's rows on a fresh start.
 */
final class FilePartitions {

    private static final String RANGE_START = "range.start";
    private static final String RANGE_END = "range.end";
    private static final String RANGE_FIRST_LINE = "range.first-line";
    private static final String CLEAR_FROM = "clear.from";
    private static final String CLEAR_TO = "clear.to";

    private FilePartitions() {
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
                context.putInt(Partitions.INDEX, range.index());
                context.putLong(RANGE_START, range.start());
                context.putLong(RANGE_END, range.end());
                context.putLong(RANGE_FIRST_LINE, range.firstLine());
                boolean last = range.index() == ranges.size() - 1;
                context.putLong(CLEAR_FROM, range.index() == 0 ? 0 : range.firstLine());
                context.putLong(CLEAR_TO, last ? Long.MAX_VALUE : ranges.get(range.index() + 1).firstLine());
                contexts.put(Partitions.name(range.index()), context);
            }
            return contexts;
        };
    }

    static FileRanges.Range rangeOf(ExecutionContext context) {
        return new FileRanges.Range(context.getInt(Partitions.INDEX), context.getLong(RANGE_START), context.getLong(RANGE_END),
                context.getLong(RANGE_FIRST_LINE));
    }

    static long clearFrom(ExecutionContext context) {
        return context.getLong(CLEAR_FROM);
    }

    static long clearTo(ExecutionContext context) {
        return context.getLong(CLEAR_TO);
    }

}
