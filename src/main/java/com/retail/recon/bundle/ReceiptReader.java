package com.retail.recon.bundle;

import com.retail.recon.ingest.StoredRows;

import com.retail.recon.system.Progress;
import com.retail.recon.domain.Currencies;
import com.retail.recon.receipt.ReceiptData;
import com.retail.recon.receipt.ReceiptNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import javax.sql.DataSource;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One receipt per request that became REFUNDED on the date, in request_id order, with its file name.
 * Names are given in that order (a name already taken gets a derived one), so a restart, which re-reads
 * the receipts it skips, gives every receipt the same name again.
 */
public class ReceiptReader extends AbstractItemCountingItemStreamItemReader<ReceiptReader.NamedReceipt> {

    /** A receipt and the file it goes to in data/receipts/. */
    public record NamedReceipt(String fileName, ReceiptData data) {
    }

    /**
     * The receipt's lines (kind 0) then its refunds (kind 1), each row carrying the request's fields. Its two
     * parameters are the business date. Public for the test that checks H2 answers it through indexes.
     */
    public static final String SQL = """
            SELECT r.request_id, 0 AS kind, r.confirmation_number, r.order_id, r.customer_id, r.requested_at,
                r.decided_at, r.currency, r.expected_refund,
                l.line_no, l.sku, l.quantity, l.unit_price, l.tax, l.fee,
                CAST(NULL AS VARCHAR) AS txn_id, CAST(NULL AS VARCHAR) AS method, CAST(NULL AS VARCHAR) AS status,
                CAST(NULL AS DECIMAL(38, 4)) AS amount, CAST(NULL AS VARCHAR) AS txn_currency,
                CAST(NULL AS BIGINT) AS created_at, CAST(NULL AS BIGINT) AS settled_at
            FROM recon_request r
            JOIN recon_receipt_line l ON l.business_date = r.business_date AND l.request_id = r.request_id
            WHERE r.business_date = ? AND r.became_refunded = TRUE
            UNION ALL
            SELECT r.request_id, 1, r.confirmation_number, r.order_id, r.customer_id, r.requested_at,
                r.decided_at, r.currency, r.expected_refund,
                CAST(NULL AS INT), CAST(NULL AS VARCHAR), CAST(NULL AS INT), CAST(NULL AS DECIMAL(38, 4)),
                CAST(NULL AS DECIMAL(38, 4)), CAST(NULL AS DECIMAL(38, 4)),
                f.txn_id, f.method, f.status, f.amount, f.currency, f.created_at, f.settled_at
            FROM recon_request r
            JOIN recon_refund f ON f.business_date = r.business_date AND f.assigned_request_id = r.request_id
            WHERE r.business_date = ? AND r.became_refunded = TRUE
            ORDER BY 1, 2, 10, 16""";

    private record Row(String requestId, int kind, ReceiptData header, ReceiptData.Line line,
                       ReceiptData.Transaction transaction) {
    }

    private final JdbcCursorItemReader<Row> cursor;
    private final Set<String> taken = ReceiptNames.newTakenSet();
    /** Confirmation numbers (as {@link ReceiptNames#sameNumber}) that more than one of the date's receipts have. */
    private Set<String> sharedNumbers = Set.of();
    private final Currencies currencies;
    private final DataSource dataSource;
    private final Date date;
    private Row head;
    private boolean started;

    public ReceiptReader(DataSource dataSource, LocalDate businessDate, int fetchSize, Currencies currencies) {
        setName("receipts");
        this.currencies = currencies;
        this.dataSource = dataSource;
        this.date = Date.valueOf(businessDate);
        Date d = Date.valueOf(businessDate);
        cursor = new JdbcCursorItemReader<>(dataSource, SQL, (rs, i) -> {
            String requestId = rs.getString("request_id");
            int kind = rs.getInt("kind");
            String currency = rs.getString("currency");
            ReceiptData header = new ReceiptData(businessDate, rs.getString("confirmation_number"), requestId,
                    rs.getString("order_id"), rs.getString("customer_id"), StoredRows.instant(rs, "requested_at"),
                    StoredRows.instant(rs, "decided_at"), List.of(),
                    currencies.money(currency, rs.getBigDecimal("expected_refund")), List.of());
            if (kind == 0) {
                return new Row(requestId, kind, header, new ReceiptData.Line(rs.getInt("line_no"), rs.getString("sku"),
                        rs.getInt("quantity"), currencies.money(currency, rs.getBigDecimal("unit_price")),
                        currencies.money(currency, rs.getBigDecimal("tax")),
                        currencies.money(currency, rs.getBigDecimal("fee"))), null);
            }
            return new Row(requestId, kind, header, null, new ReceiptData.Transaction(rs.getString("txn_id"),
                    rs.getString("method"), rs.getString("status"),
                    currencies.money(rs.getString("txn_currency"), rs.getBigDecimal("amount")),
                    StoredRows.instant(rs, "created_at"), StoredRows.instant(rs, "settled_at")));
        });
        cursor.setPreparedStatementSetter(ps -> {
            ps.setDate(1, d);
            ps.setDate(2, d);
        });
        cursor.setFetchSize(fetchSize);
        cursor.setConnectionAutoCommit(false);
        cursor.setSaveState(false);
        cursor.setVerifyCursorPosition(false);
    }

    @Override
    protected void doOpen() {
        String folded = ReceiptNames.sameNumberSql("confirmation_number");
        sharedNumbers = new HashSet<>(new JdbcTemplate(dataSource).queryForList("SELECT " + folded
                + " FROM recon_request WHERE business_date = ? AND became_refunded = TRUE GROUP BY " + folded
                + " HAVING COUNT(*) > 1", String.class, date));
        cursor.open(new ExecutionContext());
    }

    private long total = -1;

    /** Receipts done and to do, for the progress line's ETA. */
    @Override
    public void update(ExecutionContext executionContext) {
        super.update(executionContext);
        if (total < 0) {
            total = new JdbcTemplate(dataSource).queryForObject(
                    "SELECT COUNT(*) FROM recon_request WHERE business_date = ? AND became_refunded = TRUE",
                    Long.class, date);
        }
        executionContext.putLong(Progress.DONE, getCurrentItemCount());
        executionContext.putLong(Progress.TOTAL, total);
    }

    @Override
    protected NamedReceipt doRead() throws Exception {
        if (!started) {
            head = cursor.read();
            started = true;
        }
        if (head == null) {
            return null;
        }
        Row first = head;
        List<ReceiptData.Line> lines = new ArrayList<>();
        List<ReceiptData.Transaction> transactions = new ArrayList<>();
        while (head != null && head.requestId().equals(first.requestId())) {
            if (head.line() != null) {
                lines.add(head.line());
            } else {
                transactions.add(head.transaction());
            }
            head = cursor.read();
        }
        ReceiptData h = first.header();
        ReceiptData data = new ReceiptData(h.businessDate(), h.confirmationNumber(), h.requestId(), h.orderId(),
                h.customerId(), h.requestedAt(), h.decidedAt(), lines, h.expectedRefund(), transactions);
        String name = ReceiptNames.fileName(h.confirmationNumber(),
                sharedNumbers.contains(ReceiptNames.sameNumber(h.confirmationNumber())), taken);
        taken.add(name);
        return new NamedReceipt(name, data);
    }

    @Override
    protected void doClose() {
        cursor.close();
    }
}
