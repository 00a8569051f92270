package com.retail.recon.reconcile.batch;

import com.retail.recon.ingest.StoredRows;

import com.retail.recon.system.Progress;
import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.OrderHistory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams one {@link OrderHistory} per candidate order of the business date, in the candidates' sequence. The
 * candidates are taken a batch at a time, and each batch's rows are looked up by key ({@code column = ANY(?)}
 * on the keys of the batch: order ids, then the request ids and txn ids found on those orders). Every query
 * names the keys it wants, so PostgreSQL and H2 answer it through an index whatever their estimates: the
 * night's cost follows its candidates (the day's work and the open items), never the size of the history.
 * (A join from the candidates table was planned by estimates, and on a grown store sometimes as a scan of
 * every stored order line.) Memory holds one batch. Restartable by count: a restart skips the orders already
 * reconciled in committed chunks.
 */
class OrderHistoryReader extends AbstractItemCountingItemStreamItemReader<OrderHistory> {

    private static final String CANDIDATES = """
            SELECT order_id FROM recon_candidate WHERE business_date = ? AND seq >= ? AND seq < ? ORDER BY seq""";
    private static final String LINES = "SELECT %s FROM order_line l WHERE l.order_id = ANY(?) AND l.business_date <= ?"
            .formatted(StoredRows.columns("l", StoredRows.ORDER_LINE));
    /** The requests that ever had a version on the orders (their latest version may be on another order). */
    private static final String REQUESTS_ON_ORDERS = """
            SELECT x.order_id, x.request_id FROM cancellation x WHERE x.order_id = ANY(?) AND x.business_date <= ?""";
    private static final String REQUEST_VERSIONS = """
            SELECT %s FROM cancellation c WHERE c.request_id = ANY(?) AND c.business_date <= ?"""
            .formatted(StoredRows.columns("c", StoredRows.CANCELLATION));
    /** Refunds that may pay an order's requests: those naming none on the order (in any version)... */
    private static final String REFUNDS_ON_ORDERS = """
            SELECT t.order_id, t.txn_id FROM refund t
            WHERE t.order_id = ANY(?) AND t.request_id IS NULL AND t.business_date <= ?""";
    /** ... and those naming one of its requests (in any version). */
    private static final String REFUNDS_OF_REQUESTS = """
            SELECT t.request_id, t.txn_id FROM refund t WHERE t.request_id = ANY(?) AND t.business_date <= ?""";
    private static final String REFUND_VERSIONS = """
            SELECT %s FROM refund r WHERE r.txn_id = ANY(?) AND r.business_date <= ?"""
            .formatted(StoredRows.columns("r", StoredRows.REFUND));

    private final DataSource dataSource;
    private final boolean postgres;
    private final Date date;
    private final long seqFrom;
    private final long seqTo;
    private final int batchSize;
    private final long total;
    private LookupTransaction transaction;
    private ResultSet candidates;
    private Statements statements;
    /** The current batch's orders that have a request, in sequence. */
    private final Deque<OrderHistory> batch = new ArrayDeque<>();

    /** The candidates with sequence numbers [seqFrom, seqTo): one partition's share, {@code batchSize} at a time. */
    public OrderHistoryReader(DataSource dataSource, boolean postgres, LocalDate businessDate, long seqFrom,
                              long seqTo, int batchSize) {
        setName("orderHistory");
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.date = Date.valueOf(businessDate);
        this.seqFrom = seqFrom;
        this.seqTo = seqTo;
        this.batchSize = batchSize;
        this.total = seqTo - seqFrom;
    }

    /** Orders done and orders to do, for the progress line's ETA. */
    @Override
    public void update(ExecutionContext executionContext) {
        super.update(executionContext);
        executionContext.putLong(Progress.DONE, getCurrentItemCount());
        executionContext.putLong(Progress.TOTAL, total);
    }

    @Override
    protected void doOpen() throws SQLException {
        transaction = LookupTransaction.open(dataSource, postgres, true);
        try {
            candidates = transaction.query(CANDIDATES, batchSize, date, seqFrom, seqTo);
            statements = new Statements(transaction);
        } catch (SQLException | RuntimeException e) {
            doClose();
            throw e;
        }
    }

    /** The next order that has at least one request; orders with only lines or refunds have nothing to report. */
    @Override
    protected OrderHistory doRead() throws SQLException {
        while (batch.isEmpty()) {
            List<String> orders = new ArrayList<>(batchSize);
            while (orders.size() < batchSize && candidates.next()) {
                orders.add(candidates.getString(1));
            }
            if (orders.isEmpty()) {
                return null;
            }
            load(orders);
        }
        return batch.poll();
    }

    /** The histories of a batch of candidate orders, by key lookups only. */
    private void load(List<String> orders) throws SQLException {
        Map<String, List<OrderLine>> lines = new HashMap<>();
        query(statements.lines, orders, rs -> {
            OrderLine line = StoredRows.orderLine(rs, 1);
            lines.computeIfAbsent(line.orderId(), k -> new ArrayList<>()).add(line);
        });
        // request id -> the candidate orders it ever was on
        Map<String, Set<String>> requestOrders = new HashMap<>();
        query(statements.requestsOnOrders, orders, rs -> requestOrders
                .computeIfAbsent(rs.getString(2), k -> new LinkedHashSet<>()).add(rs.getString(1)));
        Map<String, List<CancellationRequest>> requests = new HashMap<>();
        if (!requestOrders.isEmpty()) {
            query(statements.requestVersions, requestOrders.keySet(), rs -> {
                CancellationRequest version = StoredRows.cancellation(rs, 1);
                for (String order : requestOrders.get(version.requestId())) {
                    requests.computeIfAbsent(order, k -> new ArrayList<>()).add(version);
                }
            });
        }
        // txn id -> the candidate orders whose requests it may pay
        Map<String, Set<String>> txnOrders = new HashMap<>();
        query(statements.refundsOnOrders, orders, rs -> txnOrders
                .computeIfAbsent(rs.getString(2), k -> new LinkedHashSet<>()).add(rs.getString(1)));
        if (!requestOrders.isEmpty()) {
            query(statements.refundsOfRequests, requestOrders.keySet(), rs -> txnOrders
                    .computeIfAbsent(rs.getString(2), k -> new LinkedHashSet<>())
                    .addAll(requestOrders.get(rs.getString(1))));
        }
        Map<String, List<RefundTxn>> refunds = new HashMap<>();
        if (!txnOrders.isEmpty()) {
            query(statements.refundVersions, txnOrders.keySet(), rs -> {
                RefundTxn version = StoredRows.refund(rs, 1);
                for (String order : txnOrders.get(version.txnId())) {
                    refunds.computeIfAbsent(order, k -> new ArrayList<>()).add(version);
                }
            });
        }
        for (String order : orders) {
            List<CancellationRequest> onOrder = requests.get(order);
            if (onOrder != null) {
                batch.add(new OrderHistory(order, lines.getOrDefault(order, List.of()), onOrder,
                        refunds.getOrDefault(order, List.of())));
            }
        }
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs a lookup for the keys as of the date (its parameters: the keys, the date). */
    private void query(PreparedStatement statement, Collection<String> keys, RowHandler handler)
            throws SQLException {
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
        candidates = null;
        statements = null;
        batch.clear();
        if (open != null) {
            open.close();
        }
    }

    /** The lookups, prepared once per partition. */
    private record Statements(PreparedStatement lines, PreparedStatement requestsOnOrders,
                              PreparedStatement requestVersions, PreparedStatement refundsOnOrders,
                              PreparedStatement refundsOfRequests, PreparedStatement refundVersions) {
        Statements(LookupTransaction t) throws SQLException {
            this(t.prepare(LINES), t.prepare(REQUESTS_ON_ORDERS), t.prepare(REQUEST_VERSIONS),
                    t.prepare(REFUNDS_ON_ORDERS), t.prepare(REFUNDS_OF_REQUESTS), t.prepare(REFUND_VERSIONS));
        }
    }
}
