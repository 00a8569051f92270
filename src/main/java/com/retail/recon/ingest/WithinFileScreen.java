package com.retail.recon.ingest;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first pass of the within-file rules, made while a file is ingested: every key that may break
 * DUPLICATE_KEY or MIXED_ORDER (for orders.csv, its order), found with bounded memory, so that settle-ingest
 * reads the rows of those keys alone instead of grouping the whole day's rows in the store. It may name
 * keys that break nothing (the filter's false positives); it never misses one that does:
 * <ul>
 *   <li>a key accepted twice: the second sighting finds it in the filter;</li>
 *   <li>an order whose rows disagree on currency or payment method: within one run of consecutive rows of
 *       the order, a row that differs from the run's first row is named; an order whose rows form more than
 *       one run (in one partition or across partitions) is named when its second run starts.</li>
 * </ul>
 * Its answer covers the file only if every partition of the file fed it from the file's first record; the
 * caller keeps track of that (see {@link #complete}).
 */
final class WithinFileScreen {

    /**
     * Filter bits per byte of the file: a generated order line takes about 113 bytes, so about 28 bits for its
     * key and its order's (20 bits per key: a false positive for a few keys in a thousand). 35 MB for
     * 10,000,000 order lines.
     */
    private static final double BITS_PER_FILE_BYTE = 0.25;

    private final SeenKeys seen;
    private final Set<String> suspicious = ConcurrentHashMap.newKeySet();
    private final Set<Long> completedPartitions = ConcurrentHashMap.newKeySet();

    public WithinFileScreen(long fileBytes) {
        this.seen = new SeenKeys(Math.max(1L << 16, (long) (fileBytes * BITS_PER_FILE_BYTE)));
    }

    /** One partition's pass, in its record order (not thread-safe; the screen it feeds is). */
    public final class Partition {

        private String orderId;
        private String currency;
        private Object paymentMethod;

        /** A row that passed the field rules. */
        public void accepted(Object value) {
            if (value instanceof OrderLine line) {
                orderLine(line);
            } else if (value instanceof CancellationRequest request) {
                key(request.requestId());
            } else if (value instanceof RefundTxn refund) {
                key(refund.txnId());
            } else {
                throw new IllegalArgumentException("not an input row: " + value);
            }
        }

        private void key(String key) {
            if (seen.add(key, SeenKeys.KEY)) {
                suspicious.add(key);
            }
        }

        private void orderLine(OrderLine line) {
            String order = line.orderId();
            if (seen.add(order, line.lineNo())) {
                suspicious.add(order);
            }
            if (!order.equals(orderId)) {
                // a new run of this order's rows: if an earlier run exists, here or in another partition, look closer
                if (seen.add(order, SeenKeys.ORDER)) {
                    suspicious.add(order);
                }
                orderId = order;
                currency = line.currency();
                paymentMethod = line.paymentMethod();
            } else if (!currency.equals(line.currency()) || !Objects.equals(paymentMethod, line.paymentMethod())) {
                suspicious.add(order);
            }
        }
    }

    public Partition partition() {
        return new Partition();
    }

    /** Records that the partition (its step execution) fed every record of its range and completed. */
    public void completed(long partitionExecutionId) {
        completedPartitions.add(partitionExecutionId);
    }

    /** Whether these partition executions, the file's whole set, all completed feeding this screen. */
    public boolean complete(Iterable<Long> partitionExecutionIds) {
        for (Long id : partitionExecutionIds) {
            if (!completedPartitions.contains(id)) {
                return false;
            }
        }
        return true;
    }

    /** The keys (order ids for orders.csv) whose rows the within-file rules must look at. */
    public Set<String> suspiciousKeys() {
        return Set.copyOf(suspicious);
    }
}
