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

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
     * Latest versions as of D of refunds that name no request or name one that does not exist (a refund
     * naming an existing request is always assigned), with the number of requests on their order. Only
     * refunds whose assignment D can find unassigned are looked at, never the whole history: those unassigned
     * on the dates that carry open items into D (see {@link ResultStore#datesCarryingOpenItemsInto}),
     * those with a version on D, and those naming no request on an order D's requests (or their earlier
     * versions) are on. Any other refund has the assignment it had on the previous date: a request, once it
     * exists, exists on every later date, and an order's number of requests changes only with D's requests.
     */
    private static final String SQL = """
            SELECT %s,
                (SELECT COUNT(*) FROM cancellation c
                    WHERE c.request_id = r.request_id AND c.business_date <= ?) AS request_versions,
                (SELECT COUNT(DISTINCT c.request_id) FROM cancellation c
                    WHERE c.order_id = r.order_id AND c.business_date <= ?
                    AND NOT EXISTS (SELECT 1 FROM cancellation n WHERE n.request_id = c.request_id
                        AND n.business_date > c.business_date AND n.business_date <= ?)) AS requests_on_order
            FROM (%s
                SELECT t.txn_id FROM refund t WHERE t.business_date = ?
                UNION
                SELECT t.txn_id FROM cancellation c
                    JOIN cancellation v ON v.request_id = c.request_id AND v.business_date <= ?
                    JOIN refund t ON t.order_id = v.order_id AND t.request_id IS NULL AND t.business_date <= ?
                    WHERE c.business_date = ?) k
            JOIN refund r ON r.txn_id = k.txn_id AND r.business_date <= ?
            WHERE NOT EXISTS (SELECT 1 FROM refund n WHERE n.txn_id = r.txn_id
                  AND n.business_date > r.business_date AND n.business_date <= ?)
              AND (r.request_id IS NULL OR NOT EXISTS (SELECT 1 FROM cancellation c
                  WHERE c.request_id = r.request_id AND c.business_date <= ?))
            ORDER BY r.txn_id""";

    /**
     * %s: the txn_id column, on PostgreSQL in the input tables' collation (results sort by code point, and a
     * comparison in that collation could not use the index on refund.txn_id).
     */
    private static final String UNASSIGNED_ON = """
                SELECT %s FROM recon_refund f WHERE f.business_date = ? AND f.assigned_request_id IS NULL
                UNION""";

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
        String sql = SQL.formatted(StoredRows.columns("r", StoredRows.REFUND),
                String.join("\n", Collections.nCopies(carried.size(), unassignedOn)));
        Date d = Date.valueOf(businessDate);
        List<Date> parameters = new ArrayList<>(List.of(d, d, d));
        carried.forEach(date -> parameters.add(Date.valueOf(date)));
        parameters.addAll(List.of(d, d, d, d, d, d, d));
        return new Reader(dataSource, postgres, sql, parameters.toArray(), fetchSize);
    }

    /**
     * A class, not ItemStreamReader: a @StepScope bean method must return the implementing type, or Spring Batch
     * warns at every start that it cannot look for listener annotations behind the interface. Not final: the
     * step scope proxies it by subclassing.
     */
    static class Reader extends AbstractItemCountingItemStreamItemReader<Facts> {
        private static final int REFUND_COLUMNS = StoredRows.REFUND.split(", ").length;
        private final DataSource dataSource;
        private final boolean postgres;
        private final String sql;
        private final Object[] parameters;
        private final int fetchSize;
        private LookupTransaction transaction;
        private ResultSet rows;

        Reader(DataSource dataSource, boolean postgres, String sql, Object[] parameters, int fetchSize) {
            setName("unassignedRefunds");
            this.dataSource = dataSource;
            this.postgres = postgres;
            this.sql = sql;
            this.parameters = parameters;
            this.fetchSize = fetchSize;
        }

        @Override
        protected void doOpen() throws SQLException {
            // the planner's choice: lookups from the candidates on a large store, and on a first night (every
            // refund a candidate) reading the refunds whole
            transaction = LookupTransaction.open(dataSource, postgres, false);
            rows = transaction.query(sql, fetchSize, parameters);
        }

        @Override
        protected Facts doRead() throws SQLException {
            if (!rows.next()) {
                return null;
            }
            return new Facts(StoredRows.refund(rows, 1), rows.getLong(REFUND_COLUMNS + 1) > 0,
                    rows.getInt(REFUND_COLUMNS + 2));
        }

        @Override
        protected void doClose() throws SQLException {
            LookupTransaction open = transaction;
            transaction = null;
            rows = null;
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
