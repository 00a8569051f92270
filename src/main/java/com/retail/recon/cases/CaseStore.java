package com.retail.recon.cases;

import com.retail.recon.domain.Currencies;
import com.retail.recon.system.BulkTable;
import com.retail.recon.system.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The cases' tables (V8__cases.sql): the cases as they stand (recon_case), as they stood at the end of each
 * date (recon_case_day), their events, and the clock row. Every statement about cases is here; what they mean
 * is in {@link CaseRules}, and the order of things in {@link CaseNight} and {@link CaseDesk}.
 */
@Repository
public class CaseStore {

    /** A case's columns, in the order both case tables list them (recon_case_day has business_date first). */
    static final String COLUMNS = "case_id, kind, key_type, key_request_id, key_txn_id, type, request_id, order_id, "
            + "txn_id, priority, amount, currency, detail, state, assignee, opened_on, last_flagged_on, closed_on, "
            + "reopened_on, reopen_count, due_on, waiting_since, accepted_type, accepted_amount, last_event_no";

    /** The snapshot of a case at the end of a date. */
    private static final BulkTable<Case> CASE_DAY = BulkTable.<Case>named("recon_case_day")
            .bigint("case_id", Case::caseId)
            .text("kind", c -> c.kind().name())
            .text("key_type", c -> c.key().type())
            .text("key_request_id", c -> c.key().requestId())
            .text("key_txn_id", c -> c.key().txnId())
            .text("type", Case::type)
            .text("request_id", Case::requestId)
            .text("order_id", Case::orderId)
            .text("txn_id", Case::txnId)
            .text("priority", c -> c.priority().name())
            .decimal("amount", Case::amount)
            .text("currency", Case::currency)
            .text("detail", Case::detail)
            .text("state", CaseStore::stateColumn)
            .text("assignee", Case::assignee)
            .date("opened_on", Case::openedOn)
            .date("last_flagged_on", Case::lastFlaggedOn)
            .date("closed_on", Case::closedOn)
            .date("reopened_on", Case::reopenedOn)
            .integer("reopen_count", Case::reopenCount)
            .date("due_on", Case::dueOn)
            .date("waiting_since", Case::waitingSince)
            .text("accepted_type", Case::acceptedType)
            .decimal("accepted_amount", Case::acceptedAmount)
            .integer("last_event_no", Case::lastEventNo);

    /** The data's own events of one date (business_date first; anchored at that date). */
    private static final BulkTable<CaseEvent> DATA_EVENTS = BulkTable.<CaseEvent>named("recon_case_event")
            .bigint("case_id", CaseEvent::caseId)
            .integer("event_no", CaseEvent::eventNo)
            .bigint("at", e -> e.at().toEpochMilli())
            .text("actor", CaseEvent::actor)
            .text("action", CaseEvent::action)
            .date("anchor_date", CaseEvent::anchorDate)
            .flag("by_person", CaseEvent::byPerson)
            .text("from_state", e -> e.fromState() == null ? null : e.fromState().name())
            .text("to_state", e -> e.toState().name())
            .text("assignee", CaseEvent::assignee)
            .text("disposition", e -> e.disposition() == null ? null : e.disposition().name())
            .text("note", CaseEvent::note);

    /**
     * A case restored for a replay that did not exist yet before the replayed date: it keeps its id and waits
     * for the replay to flag it again (then it opens as new) or to end (then it closes). Only ever seen inside
     * the replay's transaction.
     */
    static final String NOT_YET = "NOT_YET";

    private final JdbcTemplate jdbc;
    private final Database database;
    private final Currencies currencies;

    public CaseStore(JdbcTemplate jdbc, Database database, com.retail.recon.system.ReconProperties properties) {
        this.jdbc = jdbc;
        this.database = database;
        this.currencies = properties.toCurrencies();
    }

    // --- the clock ---------------------------------------------------------------------------------------------

    /** The latest completed date of the cases and the next case id. */
    public record Clock(LocalDate latestCompleted, long nextCaseId) {
    }

    /**
     * Reads the clock row and locks it until the transaction ends: the night's case step and people's actions
     * take their turns, so that every action sits after exactly one date.
     */
    public Clock lockClock() {
        return jdbc.queryForObject("SELECT latest_date, next_case_id FROM recon_case_clock WHERE id = 1 FOR UPDATE",
                (rs, i) -> new Clock(localDate(rs, "latest_date"), rs.getLong("next_case_id")));
    }

    public Clock clock() {
        return jdbc.queryForObject("SELECT latest_date, next_case_id FROM recon_case_clock WHERE id = 1",
                (rs, i) -> new Clock(localDate(rs, "latest_date"), rs.getLong("next_case_id")));
    }

    void setClock(Clock clock) {
        jdbc.update("UPDATE recon_case_clock SET latest_date = ?, next_case_id = ? WHERE id = 1",
                clock.latestCompleted(), clock.nextCaseId());
    }

    /**
     * For the rest of the night's cases transaction: every query finds its rows through an index (Database), and
     * the planner knows how many cases there are (autovacuum may not have analyzed recon_case for days: plans made
     * for "one escalation case" compared each of 60,000 flags with every case of its kind or type, up to 171 s a
     * night on a 10M-line store). So a date's flags are joined to their cases through the cases' unique key, one
     * lookup per flag.
     */
    void indexLookupsOnly() {
        database.analyze("recon_case", Long.MAX_VALUE);
        database.indexLookupsOnly();
    }

    // --- what a date flags ---------------------------------------------------------------------------------------

    /**
     * The escalations of date d in request_id order, then its exceptions in the ledger's order, each with its case
     * (null when the key has none, or NOT_YET during a replay): the order in which new cases get their ids.
     */
    void flagsOf(LocalDate d, BiConsumer<Flag, Case> each) {
        jdbc.query("SELECT r.request_id AS f_request_id, r.order_id AS f_order_id, r.outcome AS f_type, "
                + "r.priority AS f_priority, r.suggested_action AS f_detail, r.expected_refund, r.settled_amount, "
                + "r.currency AS f_currency, c.* "
                + "FROM recon_request r LEFT JOIN recon_case c ON c.kind = 'ESCALATION' AND c.key_type = '' "
                + "AND c.key_request_id = r.request_id AND c.key_txn_id = '' "
                + "WHERE r.business_date = ? AND r.flagged = TRUE ORDER BY r.request_id", (RowCallbackHandler) rs -> {
            String currency = rs.getString("f_currency");
            BigDecimal expected = rs.getBigDecimal("expected_refund");
            BigDecimal settled = rs.getBigDecimal("settled_amount");
            BigDecimal amount = expected == null || settled == null ? null : scaled(expected.subtract(settled), currency);
            String requestId = rs.getString("f_request_id");
            Flag flag = new Flag(CaseKey.escalation(requestId), rs.getString("f_type"), requestId,
                    rs.getString("f_order_id"), "", Priority.valueOf(rs.getString("f_priority")), amount,
                    amount == null ? null : currency, nullToEmpty(rs.getString("f_detail")));
            each.accept(flag, caseOrNull(rs));
        }, d);
        // the key's request_id and txn_id by type (CaseKey.exception), so that the unique key finds the case
        jdbc.query("SELECT e.exception_type AS f_type, e.request_id AS f_request_id, e.txn_id AS f_txn_id, "
                + "e.order_id AS f_order_id, e.amount AS f_amount, e.currency AS f_currency, e.detail AS f_detail, c.* "
                + "FROM recon_exception e LEFT JOIN recon_case c ON c.kind = 'EXCEPTION' "
                + "AND c.key_type = e.exception_type "
                + "AND c.key_request_id = CASE WHEN e.exception_type IN ('ORPHAN_REFUND', 'AMBIGUOUS_REFUND') "
                + "THEN '' ELSE e.request_id END "
                + "AND c.key_txn_id = CASE WHEN e.exception_type IN ('CURRENCY_MISMATCH', 'ORPHAN_REFUND', "
                + "'AMBIGUOUS_REFUND') THEN e.txn_id ELSE '' END "
                + "WHERE e.business_date = ? ORDER BY e.exception_type, e.request_id, e.txn_id, e.order_id",
                (RowCallbackHandler) rs -> {
                    String type = rs.getString("f_type");
                    String requestId = rs.getString("f_request_id");
                    String txnId = rs.getString("f_txn_id");
                    String currency = rs.getString("f_currency");
                    BigDecimal amount = rs.getBigDecimal("f_amount");
                    Flag flag = new Flag(CaseKey.exception(type, requestId, txnId), type, requestId,
                            rs.getString("f_order_id"), txnId, Priority.NORMAL,
                            amount == null ? null : scaled(amount, currency), amount == null ? null : currency,
                            nullToEmpty(rs.getString("f_detail")));
                    each.accept(flag, caseOrNull(rs));
                }, d);
    }

    /** Cases that still stand (not CLOSED), by case_id. */
    void standing(Consumer<Case> each) {
        jdbc.query("SELECT * FROM recon_case WHERE state IN " + STANDING + " ORDER BY case_id",
                (RowCallbackHandler) rs -> each.accept(toCase(rs, null)));
    }

    private static final String STANDING = "('OPEN', 'IN_PROGRESS', 'WAITING', 'ACCEPTED')";

    /** A case's row of an earlier date, restored with the number of its newest event (events are never undone). */
    private static final String RESTORED = COLUMNS.replace("last_event_no",
            "(SELECT MAX(e.event_no) FROM recon_case_event e WHERE e.case_id = s.case_id)");

    // --- writing a date ------------------------------------------------------------------------------------------

    /** Cases as they stand at the end of date d (each case at most once per call). */
    void saveDay(LocalDate d, List<Case> cases) {
        database.write(CASE_DAY, d, cases);
    }

    /** The data's own events of date d. */
    void appendDataEvents(LocalDate d, List<CaseEvent> events) {
        database.write(DATA_EVENTS, d, events);
    }

    /** recon_case takes the cases that date d wrote (its newest rows). */
    void refreshFromDay(LocalDate d) {
        jdbc.update("DELETE FROM recon_case WHERE case_id IN "
                + "(SELECT case_id FROM recon_case_day WHERE business_date = ?)", d);
        jdbc.update("INSERT INTO recon_case (" + COLUMNS + ") SELECT " + COLUMNS
                + " FROM recon_case_day WHERE business_date = ?", d);
    }

    /**
     * One case changed by a person (or by a replay applying a person's action) while {@code d} was the latest
     * date: its row of d and recon_case both take it.
     */
    void saveOne(LocalDate d, Case c) {
        jdbc.update("DELETE FROM recon_case_day WHERE business_date = ? AND case_id = ?", d, c.caseId());
        database.write(CASE_DAY, d, List.of(c));
        jdbc.update("DELETE FROM recon_case WHERE case_id = ?", c.caseId());
        jdbc.update("INSERT INTO recon_case (" + COLUMNS + ") SELECT " + COLUMNS
                + " FROM recon_case_day WHERE business_date = ? AND case_id = ?", d, c.caseId());
    }

    void appendPersonEvent(CaseEvent e) {
        jdbc.update("INSERT INTO recon_case_event (case_id, event_no, at, actor, action, business_date, anchor_date, "
                        + "by_person, from_state, to_state, assignee, disposition, note) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.caseId(), e.eventNo(), e.at().toEpochMilli(), e.actor(), e.action(), e.businessDate(),
                e.anchorDate(), e.byPerson(), e.fromState() == null ? null : e.fromState().name(),
                e.toState().name(), e.assignee(), e.disposition() == null ? null : e.disposition().name(), e.note());
    }

    // --- replay --------------------------------------------------------------------------------------------------

    /**
     * Puts every case that dates from d on touched back as it stood before d (or NOT_YET when it did not exist),
     * with the number of its newest event kept (events are never rewritten), and forgets the rows from d on.
     */
    void restoreBefore(LocalDate d) {
        String touched = "SELECT case_id FROM recon_case_day WHERE business_date >= ?";
        jdbc.update("DELETE FROM recon_case WHERE case_id IN (" + touched + ")", d);
        jdbc.update("INSERT INTO recon_case (" + COLUMNS + ") SELECT " + RESTORED + " FROM recon_case_day s "
                + "WHERE s.business_date < ? AND s.business_date = (SELECT MAX(p.business_date) FROM recon_case_day p "
                + "WHERE p.case_id = s.case_id AND p.business_date < ?) "
                + "AND EXISTS (SELECT 1 FROM recon_case_day t WHERE t.case_id = s.case_id AND t.business_date >= ?)",
                d, d, d);
        jdbc.update("INSERT INTO recon_case (" + COLUMNS + ") SELECT " + RESTORED.replace(", state,", ", '" + NOT_YET
                + "',") + " FROM recon_case_day s WHERE s.business_date >= ? AND s.business_date = "
                + "(SELECT MIN(p.business_date) FROM recon_case_day p WHERE p.case_id = s.case_id)", d);
        jdbc.update("DELETE FROM recon_case_day WHERE business_date >= ?", d);
    }

    /** The people's actions placed after a date in [from, to) (to null: no end), in the order they were made. */
    void personActionsAnchored(LocalDate from, LocalDate to, Consumer<CaseEvent> each) {
        jdbc.query("SELECT * FROM recon_case_event WHERE by_person = TRUE AND anchor_date >= ?"
                        + (to == null ? "" : " AND anchor_date < ?") + " ORDER BY case_id, event_no",
                (RowCallbackHandler) rs -> each.accept(toEvent(rs)),
                to == null ? new Object[]{from} : new Object[]{from, to});
    }

    /** Cases restored as NOT_YET that the replay never flagged. */
    void notYetFlagged(Consumer<Case> each) {
        jdbc.query("SELECT * FROM recon_case WHERE state = '" + NOT_YET + "' ORDER BY case_id",
                (RowCallbackHandler) rs -> each.accept(toCase(rs, null)));
    }

    /** Cases whose state is not the one their newest event says: what a replay changed. */
    void stateUnlikeItsLastEvent(BiConsumer<Case, CaseState> each) {
        jdbc.query("SELECT c.*, e.to_state AS recorded_state FROM recon_case c JOIN recon_case_event e "
                + "ON e.case_id = c.case_id AND e.event_no = c.last_event_no WHERE c.state <> e.to_state "
                + "ORDER BY c.case_id", (RowCallbackHandler) rs ->
                each.accept(toCase(rs, null), CaseState.valueOf(rs.getString("recorded_state"))));
    }

    /** recon_case only: the rows of earlier dates keep the number they had then (a replay recounts from events). */
    void setLastEventNo(List<Case> cases) {
        jdbc.batchUpdate("UPDATE recon_case SET last_event_no = ? WHERE case_id = ?",
                cases.stream().map(c -> new Object[]{c.lastEventNo(), c.caseId()}).toList());
    }

    /** A case as stored, for the night's replay. */
    Optional<Case> findAsStored(long caseId) {
        return jdbc.query("SELECT * FROM recon_case WHERE case_id = ?", (rs, i) -> toCase(rs, null), caseId)
                .stream().findFirst();
    }

    // --- reading -------------------------------------------------------------------------------------------------

    public Optional<Case> find(long caseId) {
        LocalDate latest = clock().latestCompleted();
        return jdbc.query("SELECT * FROM recon_case WHERE case_id = ?", (rs, i) -> toCase(rs, latest), caseId)
                .stream().findFirst();
    }

    public List<CaseEvent> events(long caseId) {
        return jdbc.query("SELECT * FROM recon_case_event WHERE case_id = ? ORDER BY event_no",
                (rs, i) -> toEvent(rs), caseId);
    }

    /** Every case of a request (any kind and state), by case_id: the desk's request page. */
    public List<Case> ofRequest(String requestId) {
        LocalDate latest = clock().latestCompleted();
        return jdbc.query("SELECT * FROM recon_case WHERE request_id = ? ORDER BY case_id", (rs, i) -> toCase(rs, latest),
                requestId);
    }

    /** Cases matching a filter, by case_id, streamed. */
    public void list(CaseFilter filter, Consumer<Case> each) {
        LocalDate latest = clock().latestCompleted();
        CaseFilter.Sql sql = filter.toSql();
        jdbc.query("SELECT * FROM recon_case WHERE " + sql.where() + " ORDER BY case_id",
                (RowCallbackHandler) rs -> each.accept(toCase(rs, latest)), sql.parameters().toArray());
    }

    /**
     * The cases a date opened or opened again with this priority, as they stood at the end of that date (its
     * recon_case_day rows), by case_id: the new cases of the date's e-mail.
     */
    public void openedOn(LocalDate d, Priority priority, Consumer<Case> each) {
        jdbc.query("SELECT * FROM recon_case_day WHERE business_date = ? AND priority = ? AND state = 'OPEN' "
                        + "AND (opened_on = ? OR reopened_on = ?) ORDER BY case_id",
                (RowCallbackHandler) rs -> each.accept(toCase(rs, d)), d, priority.name(), d, d);
    }

    /** One page of the desk's queue, in the query's order. */
    public List<Case> page(CaseQuery query) {
        LocalDate latest = clock().latestCompleted();
        CaseFilter.Sql sql = query.toSql();
        List<Object> parameters = new java.util.ArrayList<>(sql.parameters());
        parameters.add(query.size());
        parameters.add(query.offset());
        return jdbc.query("SELECT * FROM recon_case WHERE " + sql.where() + " ORDER BY " + query.orderBy()
                + " LIMIT ? OFFSET ?", (rs, i) -> toCase(rs, latest), parameters.toArray());
    }

    /** How many cases the query selects on every page together. */
    public long count(CaseQuery query) {
        CaseFilter.Sql sql = query.toSql();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM recon_case WHERE " + sql.where(), Long.class,
                sql.parameters().toArray());
        return count == null ? 0 : count;
    }

    /** Standing (not CLOSED) cases of the given kinds, counted by state, priority, opened_on and due_on. */
    public record Standing(CaseState state, Priority priority, LocalDate openedOn, LocalDate dueOn, long cases) {
    }

    public List<Standing> standingCounts(java.util.Set<CaseKind> kinds) {
        CaseQuery query = new CaseQuery(CaseFilter.notClosed(), kinds, null, CaseQuery.Sort.CASE_ID, false, 1, 1);
        CaseFilter.Sql sql = query.toSql();
        return jdbc.query("SELECT state, priority, opened_on, due_on, COUNT(*) AS n FROM recon_case WHERE "
                        + sql.where() + " GROUP BY state, priority, opened_on, due_on",
                (rs, i) -> new Standing(CaseState.valueOf(rs.getString("state")),
                        Priority.valueOf(rs.getString("priority")), localDate(rs, "opened_on"),
                        localDate(rs, "due_on"), rs.getLong("n")), sql.parameters().toArray());
    }

    /**
     * The cases of the given kinds as they stood at the end of date d (each case's newest recon_case_day row of
     * d or before; rows are written whenever a case changes, so that row is its state then), counted by state;
     * CLOSED left out.
     */
    public java.util.Map<CaseState, Long> standingAtEndOf(LocalDate d, java.util.Set<CaseKind> kinds) {
        java.util.Map<CaseState, Long> counts = new java.util.EnumMap<>(CaseState.class);
        if (kinds.isEmpty()) {
            return counts;
        }
        List<Object> parameters = new java.util.ArrayList<>(List.of(d, d));
        StringBuilder in = new StringBuilder();
        for (CaseKind kind : kinds) {
            in.append(in.length() == 0 ? "?" : ", ?");
            parameters.add(kind.name());
        }
        jdbc.query("SELECT s.state, COUNT(*) AS n FROM recon_case_day s WHERE s.business_date <= ? "
                + "AND s.business_date = (SELECT MAX(p.business_date) FROM recon_case_day p "
                + "WHERE p.case_id = s.case_id AND p.business_date <= ?) AND s.kind IN (" + in + ") "
                + "AND s.state NOT IN ('CLOSED', '" + NOT_YET + "') GROUP BY s.state", (RowCallbackHandler) rs ->
                counts.put(CaseState.valueOf(rs.getString("state")), rs.getLong("n")), parameters.toArray());
        return counts;
    }

    /** The events of the cases flagged on a date in [from, to], by case and event: the audit export's. */
    public void eventsOfCasesFlaggedBetween(LocalDate from, LocalDate to, Consumer<CaseEvent> each) {
        jdbc.query("SELECT e.* FROM recon_case_event e WHERE e.case_id IN (" + FLAGGED_BETWEEN + ") "
                + "ORDER BY e.case_id, e.event_no", (RowCallbackHandler) rs -> each.accept(toEvent(rs)), from, to, from, to);
    }

    /** The cases flagged on a date in [from, to], as they stand now, by case_id. */
    public void casesFlaggedBetween(LocalDate from, LocalDate to, Consumer<Case> each) {
        LocalDate latest = clock().latestCompleted();
        jdbc.query("SELECT c.* FROM recon_case c WHERE c.case_id IN (" + FLAGGED_BETWEEN + ") ORDER BY c.case_id",
                (RowCallbackHandler) rs -> each.accept(toCase(rs, latest)), from, to, from, to);
    }

    /**
     * A case is flagged on a date when its key has a row in that date's escalations (resp. exceptions) ledger
     * (SPEC "Identity"): the same key rules as {@link CaseKey#exception}.
     */
    private static final String FLAGGED_BETWEEN = "SELECT c.case_id FROM recon_case c WHERE "
            + "(c.kind = 'ESCALATION' AND EXISTS (SELECT 1 FROM recon_request r WHERE r.business_date BETWEEN ? AND ? "
            + "AND r.flagged = TRUE AND r.request_id = c.key_request_id)) "
            + "OR (c.kind = 'EXCEPTION' AND EXISTS (SELECT 1 FROM recon_exception e WHERE e.business_date BETWEEN ? AND ? "
            + "AND e.exception_type = c.key_type "
            + "AND (c.key_request_id = '' OR e.request_id = c.key_request_id) "
            + "AND (c.key_txn_id = '' OR e.txn_id = c.key_txn_id)))";

    // --- mapping -------------------------------------------------------------------------------------------------

    private Case caseOrNull(ResultSet rs) throws SQLException {
        rs.getLong("case_id");
        return rs.wasNull() ? null : toCase(rs, null);
    }

    /**
     * A case from its row. A standing case (not CLOSED) was flagged on the latest date, whatever its row says: the
     * night writes a case only when it changes, so readers pass {@code latest} (the clock's) to get it; the
     * night's own reads pass null and work with the row as stored.
     */
    Case toCase(ResultSet rs, LocalDate latest) throws SQLException {
        CaseKey key = new CaseKey(CaseKind.valueOf(rs.getString("kind")), rs.getString("key_type"),
                rs.getString("key_request_id"), rs.getString("key_txn_id"));
        String currency = rs.getString("currency");
        String state = rs.getString("state");
        return new Case(rs.getLong("case_id"), key, rs.getString("type"), rs.getString("request_id"),
                rs.getString("order_id"), rs.getString("txn_id"), Priority.valueOf(rs.getString("priority")),
                scaled(rs.getBigDecimal("amount"), currency), currency, rs.getString("detail"),
                NOT_YET.equals(state) ? null : CaseState.valueOf(state), rs.getString("assignee"),
                localDate(rs, "opened_on"),
                latest != null && !"CLOSED".equals(state) && !NOT_YET.equals(state) ? latest
                        : localDate(rs, "last_flagged_on"),
                localDate(rs, "closed_on"),
                localDate(rs, "reopened_on"), rs.getInt("reopen_count"), localDate(rs, "due_on"),
                localDate(rs, "waiting_since"), rs.getString("accepted_type"),
                scaled(rs.getBigDecimal("accepted_amount"), currency), rs.getInt("last_event_no"));
    }

    private static CaseEvent toEvent(ResultSet rs) throws SQLException {
        String from = rs.getString("from_state");
        String disposition = rs.getString("disposition");
        return new CaseEvent(rs.getLong("case_id"), rs.getInt("event_no"), Instant.ofEpochMilli(rs.getLong("at")),
                rs.getString("actor"), rs.getString("action"), localDate(rs, "business_date"),
                localDate(rs, "anchor_date"), rs.getBoolean("by_person"),
                from == null ? null : CaseState.valueOf(from), CaseState.valueOf(rs.getString("to_state")),
                rs.getString("assignee"), disposition == null ? null : Disposition.valueOf(disposition),
                rs.getString("note"));
    }

    private static String stateColumn(Case c) {
        return c.state() == null ? NOT_YET : c.state().name();
    }

    private BigDecimal scaled(BigDecimal amount, String currency) {
        if (amount == null || currency == null || !currencies.isKnown(currency)) {
            return amount == null ? null : amount.stripTrailingZeros();
        }
        return amount.setScale(currencies.digits(currency), RoundingMode.UNNECESSARY);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
