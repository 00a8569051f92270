package com.retail.recon.ledger;

import com.retail.recon.domain.Currencies;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Maps stored results to ledger fields, applying the ledger conventions in one place: amounts with the
 * currency's digits, instants in UTC to the second, Y/N flags, empty for unknown.
 */
public final class LedgerRows {

    private final Currencies currencies;

    public LedgerRows(Currencies currencies) {
        this.currencies = currencies;
    }

    public RowMapper<String[]> mapper(Ledger ledger) {
        return switch (ledger) {
            case CANCELLATIONS -> (rs, i) -> new String[]{
                    date(rs), rs.getString("request_id"), rs.getString("order_id"), text(rs, "line_no"),
                    rs.getString("customer_id"), rs.getString("channel"), rs.getString("storefront_status"),
                    instant(rs, "requested_at"), instant(rs, "decided_at"), text(rs, "confirmation_number"),
                    text(rs, "policy_check"), rs.getString("outcome"), amount(rs, "expected_refund"),
                    amount(rs, "settled_amount"), amount(rs, "pending_amount"), text(rs, "currency"),
                    rs.getString("age_hours"), yesNo(rs, "flagged")};
            case REFUNDS -> (rs, i) -> new String[]{
                    date(rs), rs.getString("txn_id"), rs.getString("order_id"), text(rs, "request_id"),
                    text(rs, "assigned_request_id"), rs.getString("method"), amount(rs, "amount"),
                    rs.getString("currency"), rs.getString("status"), instant(rs, "created_at"),
                    instant(rs, "settled_at")};
            case ESCALATIONS -> (rs, i) -> new String[]{
                    date(rs), rs.getString("request_id"), rs.getString("order_id"), rs.getString("customer_id"),
                    rs.getString("outcome"), text(rs, "policy_check"), rs.getString("priority"),
                    rs.getString("age_hours"), yesNo(rs, "newly_flagged"), text(rs, "suggested_action")};
            case EXCEPTIONS -> (rs, i) -> new String[]{
                    date(rs), rs.getString("exception_type"), rs.getString("request_id"), rs.getString("order_id"),
                    rs.getString("txn_id"), amount(rs, "amount"), text(rs, "currency"), rs.getString("detail")};
            case REJECTS -> (rs, i) -> new String[]{
                    date(rs), rs.getString("file"), rs.getString("line_number"), rs.getString("reason"),
                    rs.getString("raw"), rs.getString("field")};
            case SUMMARY -> (rs, i) -> new String[]{
                    date(rs), rs.getString("outcome"), text(rs, "currency"), rs.getString("requests"),
                    amount(rs, "expected_refund"), amount(rs, "settled_amount")};
        };
    }

    /** A date's rows of a ledger as the ledger shows them, without the business_date column (for the PDFs). */
    public List<List<String>> rowsOf(JdbcTemplate jdbc, Ledger ledger, LocalDate businessDate) {
        RowMapper<String[]> mapper = mapper(ledger);
        return jdbc.query(ledger.query(), (rs, i) -> {
            String[] fields = mapper.mapRow(rs, i);
            return List.of(fields).subList(1, fields.length);
        }, businessDate);
    }

    private static String date(ResultSet rs) throws SQLException {
        return rs.getDate("business_date").toLocalDate().toString();
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }

    private static String yesNo(ResultSet rs, String column) throws SQLException {
        return rs.getBoolean(column) ? "Y" : "N";
    }

    /** An amount at the digits of the row's currency; empty when unknown. */
    private String amount(ResultSet rs, String column) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        String currency = rs.getString("currency");
        return amount == null || currency == null ? "" : currencies.money(currency, amount).toPlainString();
    }

    private static String instant(ResultSet rs, String column) throws SQLException {
        long seconds = rs.getLong(column);
        return rs.wasNull() ? "" : DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(seconds));
    }
}
