package com.retail.recon.reconcile.batch;

import com.retail.recon.ingest.StoredRows;

import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.RefundAssignment;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import com.retail.recon.batch.BusinessDays;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ORPHAN_REFUND and AMBIGUOUS_REFUND are listed every date on which a transaction is unassigned. The
 * store supplies the facts for each refund (latest version as of D) that could be unassigned; the rule
 * in {@link RefundAssignment} decides.
 */
final class UnassignedRefunds {

    /** A refund with what assignment needs to know about it as of the date. */
    public record Facts(RefundTxn refund, boolean requestExists, int requestsOnOrder) {
    }

    /**
     * The refunds whose assignment D can find unassigned, never the whole history: those unassigned on the
     * dates that carry open items into D (see {@link BusinessDays#carryingOpenItemsInto}), those with a version
     * on D, and those naming no request on an order D's requests (or their earlier versions) are on. Any other
     * refund has the assignment it had on the previous date: a request, once it exists, exists on every later
     * date, and an order's number of requests changes only with D's requests. Each part starts from a date's
     * rows (a primary key's prefix) and joins by key; the transaction keeps to the indexes. A refund of D naming a
     * request that exists is assigned (its version on D is its latest), so it is left out here already: on a
     * first night that is nearly every refund.
     */
    private static final String KEYS = """
            SELECT DISTINCT k.txn_id FROM (%s
                SELECT t.txn_id FROM refund t WHERE t.business_date = ? AND (t.request_id IS NULL
                    OR NOT EXISTS (SELECT 1 FROM cancellation x WHERE x.request_id = t.request_id
                        AND x.business_date <= ?))
                UNION ALL
                SELECT t.txn_id FROM cancellation c
                    JOIN cancellation v ON v.request_id = c.request_id AND v.business_date <= ?
                    JOIN refund t ON t.order_id = v.order_id AND t.request_id IS NULL AND t.business_date <= ?
                    WHERE c.business_date = ?) k
            ORDER BY k.txn_id""";

    /**
     * %s: the txn_id column, on PostgreSQL in the input tables' collation (results sort by code point, and
     * the union needs one collation).
     */
    private static final String UNASSIGNED_ON = """
                SELECT %s AS txn_id FROM recon_refund f WHERE f.business_date = ? AND f.assigned_request_id IS NULL
                UNION ALL""";

    /** The lookups of a batch of keys ({@code = ANY(?)}), each as of D: found through an index whatever the estimates. */
    private static final String REFUND_VERSIONS = "SELECT %s FROM refund r WHERE r.txn_id = ANY(?) AND r.business_date <= ?"
            .formatted(StoredRows.columns("r", StoredRows.REFUND));
    private static final String REQUEST_VERSIONS = """
            SELECT c.request_id, c.order_id, c.business_date FROM cancellation c
            WHERE c.request_id = ANY(?) AND c.business_date <= ?""";
    private static final String REQUESTS_ON_ORDERS = """
            SELECT c.request_id FROM cancellation c WHERE c.order_id = ANY(?) AND c.business_date <= ?""";

    private UnassignedRefunds() {
    }

    /**
     * The facts of each refund that D may find unassigned, by txn_id, through a {@link LookupTransaction}.
     * Restartable by count (the order is fixed).
     *
     * @param carried the dates whose unassigned refunds D takes over
     */
    static Reader reader(DataSource dataSource, LocalDate businessDate, List<LocalDate> carried, boolean postgres,
                         int fetchSize) {
        String unassignedOn = UNASSIGNED_ON.formatted(postgres ? "f.txn_id COLLATE \"default\"" : "f.txn_id");
        String sql = KEYS.formatted(String.join("\n", Collections.nCopies(carried.size(), unassignedOn)));
        Date d = Date.valueOf(businessDate);
        List<Date> parameters = new ArrayList<>();
        carried.forEach(date -> parameters.add(Date.valueOf(date)));
        parameters.addAll(List.of(d, d, d, d, d));
        return new Reader(dataSource, postgres, sql, parameters.toArray(), d, fetchSize);
    }

    /**
     * A class, not ItemStreamReader: a @StepScope bean method must return the implementing type, or Spring Batch
     * warns at every start that it cannot look for listener annotations behind the interface. Not final: the
     * step scope proxies it by subclassing.
     */
    static class Reader extends AbstractItemCountingItemStreamItemReader<Facts> {
        private final DataSource dataSource;
        private final boolean postgres;
        private final String sql;
        private final Object[] parameters;
        private final Date date;
        private final int batchSize;
        private LookupTransaction transaction;
        private ResultSet keys;
        private PreparedStatement refundVersions;
        private PreparedStatement requestVersions;
        private PreparedStatement requestsOnOrders;
        private final Deque<Facts> batch = new ArrayDeque<>();

        Reader(DataSource dataSource, boolean postgres, String sql, Object[] parameters, Date date, int batchSize) {
            setName("unassignedRefunds");
            this.dataSource = dataSource;
            this.postgres = postgres;
            this.sql = sql;
            this.parameters = parameters;
            this.date = date;
            this.batchSize = batchSize;
        }

        @Override
        protected void doOpen() throws SQLException {
            transaction = LookupTransaction.open(dataSource, postgres, true);
            try {
                keys = transaction.query(sql, batchSize, parameters);
                refundVersions = transaction.prepare(REFUND_VERSIONS);
                requestVersions = transaction.prepare(REQUEST_VERSIONS);
                requestsOnOrders = transaction.prepare(REQUESTS_ON_ORDERS);
            } catch (SQLException | RuntimeException e) {
                doClose();
                throw e;
            }
        }

        @Override
        protected Facts doRead() throws SQLException {
            while (batch.isEmpty()) {
                List<String> txnIds = new ArrayList<>(batchSize);
                while (txnIds.size() < batchSize && keys.next()) {
                    txnIds.add(keys.getString(1));
                }
                if (txnIds.isEmpty()) {
                    return null;
                }
                load(txnIds);
            }
            return batch.poll();
        }

        /**
         * For each refund of the batch, its latest version as of D when it names no request or one that does not
         * exist (a refund naming an existing request is always assigned), with the number of requests whose
         * latest version is on its order.
         */
        private void load(List<String> txnIds) throws SQLException {
            Map<String, RefundTxn> latest = new HashMap<>();
            query(refundVersions, txnIds, rs -> {
                RefundTxn version = StoredRows.refund(rs, 1);
                latest.merge(version.txnId(), version,
                        (a, b) -> b.businessDate().isAfter(a.businessDate()) ? b : a);
            });
            Set<String> named = new HashSet<>();
            latest.values().forEach(refund -> {
                if (refund.requestId() != null) {
                    named.add(refund.requestId());
                }
            });
            Set<String> existing = new HashSet<>();
            query(requestVersions, named, rs -> existing.add(rs.getString(1)));
            List<RefundTxn> candidates = new ArrayList<>();
            Set<String> orders = new HashSet<>();
            for (String txnId : txnIds) {
                RefundTxn refund = latest.get(txnId);
                if (refund != null && (refund.requestId() == null || !existing.contains(refund.requestId()))) {
                    candidates.add(refund);
                    orders.add(refund.orderId());
                }
            }
            Map<String, Integer> requestsOnOrder = requestsOnOrders(orders);
            for (RefundTxn refund : candidates) {
                batch.add(new Facts(refund, false, requestsOnOrder.getOrDefault(refund.orderId(), 0)));
            }
        }

        /** By order: the requests whose latest version as of D is on it. */
        private Map<String, Integer> requestsOnOrders(Set<String> orders) throws SQLException {
            Set<String> requests = new HashSet<>();
            query(requestsOnOrders, orders, rs -> requests.add(rs.getString(1)));
            Map<String, String> orderOf = new HashMap<>();
            Map<String, LocalDate> latestOn = new HashMap<>();
            query(requestVersions, requests, rs -> {
                String request = rs.getString(1);
                LocalDate on = rs.getObject(3, LocalDate.class);
                LocalDate before = latestOn.get(request);
                if (before == null || on.isAfter(before)) {
                    latestOn.put(request, on);
                    orderOf.put(request, rs.getString(2));
                }
            });
            Map<String, Integer> counts = new HashMap<>();
            orderOf.values().forEach(order -> {
                if (orders.contains(order)) {
                    counts.merge(order, 1, Integer::sum);
                }
            });
            return counts;
        }

        private interface RowHandler {
            void row(ResultSet rs) throws SQLException;
        }

        private void query(PreparedStatement statement, Collection<String> keys, RowHandler handler)
                throws SQLException {
            if (keys.isEmpty()) {
                return;
            }
            statement.setArray(1, transaction.keys(keys));
            statement.setDate(2, date);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }

        @Override
        protected void doClose() throws SQLException {
            LookupTransaction open = transaction;
            transaction = null;
            keys = null;
            batch.clear();
            if (open != null) {
                open.close();
            }
        }
    }

    /** Keeps the unassigned ones, with their exception (its amount in the configured currencies' digits). */
    public static ItemProcessor<Facts, RefundAssignment.Unassigned> processor(Currencies currencies) {
        return facts -> RefundAssignment.of(facts.refund(), facts.requestExists(), facts.requestsOnOrder(), null,
                currencies) instanceof RefundAssignment.Unassigned unassigned ? unassigned : null;
    }

    /** Writes each unassigned refund to the refunds ledger's rows, with its exception. */
    record Writer(ResultStore store, LocalDate businessDate) implements ItemWriter<RefundAssignment.Unassigned> {
        @Override
        public void write(Chunk<? extends RefundAssignment.Unassigned> chunk) {
            List<ResultStore.RefundRow> rows = new ArrayList<>();
            List<FinanceException> exceptions = new ArrayList<>();
            for (RefundAssignment.Unassigned unassigned : chunk) {
                rows.add(new ResultStore.RefundRow(unassigned.refund(), null));
                exceptions.add(unassigned.exception());
            }
            store.insertRefunds(businessDate, rows);
            store.insertExceptions(businessDate, exceptions);
        }

    }
}
