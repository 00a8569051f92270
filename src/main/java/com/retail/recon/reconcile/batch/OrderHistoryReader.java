package com.retail.recon.reconcile.batch;

import com.retail.recon.ingest.StoredRows;

import com.retail.recon.system.Progress;
import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.OrderHistory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one {@link OrderHistory} per candidate order of the business date. Three cursors (lines,
 * requests, refunds), each sorted by the candidate's sequence number, are merged: memory holds one order
 * at a time, whatever the size of the store. Restartable by count: a restart skips the orders already
 * reconciled in committed chunks.
 */
class OrderHistoryReader extends AbstractItemCountingItemStreamItemReader<OrderHistory> {

    private static final String LINES = """
            SELECT k.seq, %s FROM recon_candidate k
            JOIN order_line l ON l.order_id = k.order_id AND l.business_date <= ?
            WHERE k.business_date = ? AND k.seq >= ? AND k.seq < ? ORDER BY k.seq""".formatted(
            StoredRows.columns("l", StoredRows.ORDER_LINE));
    /** Every version of every request that ever was on the order (its latest version may be elsewhere). */
    private static final String REQUESTS = """
            SELECT g.seq, g.candidate, %s FROM (
                SELECT DISTINCT k.seq, k.order_id AS candidate, x.request_id FROM recon_candidate k
                JOIN cancellation x ON x.order_id = k.order_id AND x.business_date <= ?
                WHERE k.business_date = ? AND k.seq >= ? AND k.seq < ?) g
            JOIN cancellation c ON c.request_id = g.request_id AND c.business_date <= ?
            ORDER BY g.seq""".formatted(StoredRows.columns("c", StoredRows.CANCELLATION));
    /** Every version of every refund that may pay the order's requests: naming one of them, or none on it. */
    private static final String REFUNDS = """
            SELECT g.seq, %s FROM (
                SELECT k.seq, t.txn_id FROM recon_candidate k
                JOIN refund t ON t.order_id = k.order_id AND t.request_id IS NULL AND t.business_date <= ?
                WHERE k.business_date = ? AND k.seq >= ? AND k.seq < ?
                UNION
                SELECT k.seq, t.txn_id FROM recon_candidate k
                JOIN cancellation x ON x.order_id = k.order_id AND x.business_date <= ?
                JOIN refund t ON t.request_id = x.request_id AND t.business_date <= ?
                WHERE k.business_date = ? AND k.seq >= ? AND k.seq < ?) g
            JOIN refund r ON r.txn_id = g.txn_id AND r.business_date <= ?
            ORDER BY g.seq""".formatted(StoredRows.columns("r", StoredRows.REFUND));

    /** @param orderId the candidate order (carried by the requests cursor only) */
    private record Row<T>(long seq, String orderId, T value) {
    }

    private final Cursor<OrderLine> lines;
    private final Cursor<CancellationRequest> requests;
    private final Cursor<RefundTxn> refunds;
    private final DataSource dataSource;
    private final boolean postgres;
    private LookupTransaction transaction;

    /** The candidates with sequence numbers [seqFrom, seqTo): one partition's share. */
    public OrderHistoryReader(DataSource dataSource, boolean postgres, LocalDate businessDate, long seqFrom,
                              long seqTo, int fetchSize) {
        setName("orderHistory");
        Date d = Date.valueOf(businessDate);
        this.total = seqTo - seqFrom;
        this.dataSource = dataSource;
        this.postgres = postgres;
        lines = new Cursor<>(fetchSize, LINES, (rs, i) ->
                new Row<>(rs.getLong(1), null, StoredRows.orderLine(rs, 2)), d, d, seqFrom, seqTo);
        requests = new Cursor<>(fetchSize, REQUESTS, (rs, i) ->
                new Row<>(rs.getLong(1), rs.getString(2), StoredRows.cancellation(rs, 3)),
                d, d, seqFrom, seqTo, d);
        refunds = new Cursor<>(fetchSize, REFUNDS, (rs, i) ->
                new Row<>(rs.getLong(1), null, StoredRows.refund(rs, 2)),
                d, d, seqFrom, seqTo, d, d, d, seqFrom, seqTo, d);
    }

    private final long total;

    /** Orders done and orders to do, for the progress line's ETA. */
    @Override
    public void update(ExecutionContext executionContext) {
        super.update(executionContext);
        executionContext.putLong(Progress.DONE, getCurrentItemCount());
        executionContext.putLong(Progress.TOTAL, total);
    }

    /**
     * The three cursors share one {@link LookupTransaction}, which keeps to the indexes: each candidate's rows
     * are looked up by its order (on a first night as cheap as reading whole tables, and on a large store
     * far cheaper).
     */
    @Override
    protected void doOpen() throws SQLException {
        transaction = LookupTransaction.open(dataSource, postgres, true);
        try {
            lines.open(transaction);
            requests.open(transaction);
            refunds.open(transaction);
        } catch (SQLException | RuntimeException e) {
            doClose();
            throw e;
        }
    }

    /** The next order that has at least one request; orders with only lines or refunds have nothing to report. */
    @Override
    protected OrderHistory doRead() throws Exception {
        while (true) {
            long seq = min(lines.peekSeq(), requests.peekSeq(), refunds.peekSeq());
            if (seq == Long.MAX_VALUE) {
                return null;
            }
            List<Row<OrderLine>> lineRows = lines.takeAll(seq);
            List<Row<CancellationRequest>> requestRows = requests.takeAll(seq);
            List<Row<RefundTxn>> refundRows = refunds.takeAll(seq);
            if (requestRows.isEmpty()) {
                continue;
            }
            return new OrderHistory(requestRows.get(0).orderId(), values(lineRows), values(requestRows),
                    values(refundRows));
        }
    }

    @Override
    protected void doClose() throws SQLException {
        LookupTransaction open = transaction;
        transaction = null;
        if (open != null) {
            open.close();
        }
    }

    private static long min(long a, long b, long c) {
        return Math.min(a, Math.min(b, c));
    }

    private static <T> List<T> values(List<Row<T>> rows) {
        List<T> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(row.value()));
        return values;
    }

    /** A JDBC cursor with one row of look-ahead. */
    private static final class Cursor<T> {
        private final String sql;
        private final RowMapper<Row<T>> mapper;
        private final Object[] parameters;
        private final int fetchSize;
        private ResultSet rows;
        private Row<T> head;
        private boolean started;
        private int rowNum;

        Cursor(int fetchSize, String sql, RowMapper<Row<T>> mapper, Object... parameters) {
            this.sql = sql;
            this.mapper = mapper;
            this.parameters = parameters;
            this.fetchSize = fetchSize;
        }

        void open(LookupTransaction transaction) throws SQLException {
            rows = transaction.query(sql, fetchSize, parameters);
            started = false;
            head = null;
            rowNum = 0;
        }

        private Row<T> next() throws SQLException {
            return rows.next() ? mapper.mapRow(rows, rowNum++) : null;
        }

        long peekSeq() throws SQLException {
            if (!started) {
                head = next();
                started = true;
            }
            return head == null ? Long.MAX_VALUE : head.seq();
        }

        List<Row<T>> takeAll(long seq) throws SQLException {
            List<Row<T>> taken = new ArrayList<>();
            while (peekSeq() == seq) {
                taken.add(head);
                head = next();
            }
            return taken;
        }
    }
}
