package com.retail.recon.nightly;

import com.retail.recon.domain.RefundTxn;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.RefundAssignment;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;

import javax.sql.DataSource;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * ORPHAN_REFUND and AMBIGUOUS_REFUND are listed every date on which a transaction is unassigned. The
 * store supplies the facts for each refund (latest version as of D) that could be unassigned; the rule
 * in {@link RefundAssignment} decides.
 */
public final class UnassignedRefunds {

    /** A refund with what assignment needs to know about it as of the date. */
    public record Facts(RefundTxn refund, boolean requestExists, int requestsOnOrder) {
    }

    /**
     * Latest versions as of D of refunds that name no request or name one that does not exist (a refund
     * naming an existing request is always assigned), with the number of requests on their order.
     */
    private static final String SQL = """
            SELECT r.*,
                (SELECT COUNT(*) FROM cancellation c
                    WHERE c.request_id = r.request_id AND c.business_date <= ?) AS request_versions,
                (SELECT COUNT(DISTINCT c.request_id) FROM cancellation c
                    WHERE c.order_id = r.order_id AND c.business_date <= ?
                    AND NOT EXISTS (SELECT 1 FROM cancellation n WHERE n.request_id = c.request_id
                        AND n.business_date > c.business_date AND n.business_date <= ?)) AS requests_on_order
            FROM refund r
            WHERE r.business_date <= ?
              AND NOT EXISTS (SELECT 1 FROM refund n WHERE n.txn_id = r.txn_id
                  AND n.business_date > r.business_date AND n.business_date <= ?)
              AND (r.request_id IS NULL OR NOT EXISTS (SELECT 1 FROM cancellation c
                  WHERE c.request_id = r.request_id AND c.business_date <= ?))
            ORDER BY r.txn_id""";

    private UnassignedRefunds() {
    }

    public static JdbcCursorItemReader<Facts> reader(DataSource dataSource, LocalDate businessDate, int fetchSize) {
        JdbcCursorItemReader<Facts> reader = new JdbcCursorItemReader<>(dataSource, SQL, (rs, i) ->
                new Facts(StoredRows.refund(rs), rs.getLong("request_versions") > 0, rs.getInt("requests_on_order")));
        reader.setName("unassignedRefunds");
        Date d = Date.valueOf(businessDate);
        reader.setPreparedStatementSetter(ps -> {
            for (int i = 1; i <= 6; i++) {
                ps.setDate(i, d);
            }
        });
        reader.setFetchSize(fetchSize);
        reader.setConnectionAutoCommit(false);
        reader.setVerifyCursorPosition(false);
        return reader;
    }

    /** Keeps the unassigned ones, with their exception. */
    public static ItemProcessor<Facts, RefundAssignment.Unassigned> processor() {
        return facts -> RefundAssignment.of(facts.refund(), facts.requestExists(), facts.requestsOnOrder(), null)
                instanceof RefundAssignment.Unassigned unassigned ? unassigned : null;
    }

    /** Writes each unassigned refund to the refunds ledger's rows, with its exception. */
    public static class Writer implements ItemWriter<RefundAssignment.Unassigned> {
        private final ResultStore store;
        private final LocalDate businessDate;

        public Writer(ResultStore store, LocalDate businessDate) {
            this.store = store;
            this.businessDate = businessDate;
        }

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
