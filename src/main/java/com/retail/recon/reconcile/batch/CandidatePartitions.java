package com.retail.recon.reconcile.batch;

import com.retail.recon.batch.Partitions;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reconcile partitions: ranges of the candidate orders' sequence numbers (an order, its requests and the
 * refunds that may pay them are always in one partition).
 */
final class CandidatePartitions {

    private static final String SEQ_FROM = "seq.from";
    private static final String SEQ_TO = "seq.to";

    private CandidatePartitions() {
    }

    /** Candidates 1..count in {@code gridSize} contiguous ranges of about equal size. */
    static Partitioner sequenceRanges(long count) {
        return gridSize -> {
            int parts = (int) Math.max(1, Math.min(gridSize, count));
            Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
            for (int i = 0; i < parts; i++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt(Partitions.INDEX, i);
                context.putLong(SEQ_FROM, count * i / parts + 1);
                context.putLong(SEQ_TO, count * (i + 1) / parts + 1);
                contexts.put(Partitions.name(i), context);
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
