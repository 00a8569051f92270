package com.retail.recon.notify;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The notifications' outbox (V11): events recorded once each, in the caller's transaction, and their
 * deliveries, which senders claim, then mark delivered, retried or failed. All notification SQL is here.
 */
@Repository
public class Outbox {

    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";

    public enum State { PENDING, DELIVERED, FAILED }

    /** One delivery with what a sender needs (the body of its event, or its e-mail) and what status shows. */
    public record Delivery(long seq, String deliveryId, String eventId, String eventType, LocalDate businessDate,
                           String channel, String target, State state, int attempts, Instant createdAt,
                           Instant lastAttemptAt, String lastError, String body, String subject, String text,
                           String html) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an event unless one with the same key was recorded before (a restart, rerun or replay meeting the
     * same fact), with a pending delivery to each of {@code webhooks}.
     *
     * @return the new event's id, or empty when it was recorded before
     */
    public Optional<String> record(EventType type, String dedupKey, LocalDate businessDate, Instant occurredAt,
                                   Map<String, Object> data, List<String> webhooks) {
        Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM recon_notify_event WHERE dedup_key = ?",
                Integer.class, dedupKey);
        if (seen != null && seen > 0) {
            return Optional.empty();
        }
        String eventId = UUID.randomUUID().toString();
        occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // the payload says what is stored
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", eventId);
        document.put("type", type.word());
        document.put("occurred_at", occurredAt.toString());
        document.put("business_date", businessDate == null ? null : businessDate.toString());
        document.put("data", data);
        jdbc.update("INSERT INTO recon_notify_event (event_id, seq, dedup_key, type, occurred_at, business_date, body) "
                        + "VALUES (?, nextval('recon_notify_seq'), ?, ?, ?, ?, ?)",
                eventId, dedupKey, type.word(), occurredAt.toEpochMilli(), businessDate,
                JSON.writeValueAsString(document));
        for (String url : webhooks) {
            addDelivery(eventId, WEBHOOK, url, null, null, null, occurredAt);
        }
        return Optional.of(eventId);
    }

    /** The e-mail of an event (the date's message), composed now and sent as it is. */
    public void addMail(String eventId, String recipients, String subject, String text, String html, Instant at) {
        addDelivery(eventId, EMAIL, recipients, subject, text, html, at);
    }

    private void addDelivery(String eventId, String channel, String target, String subject, String text, String html,
                             Instant at) {
        jdbc.update("INSERT INTO recon_notify_delivery (delivery_id, event_id, seq, channel, target, subject, "
                        + "body_text, body_html, state, attempts, created_at, next_attempt_at) "
                        + "VALUES (?, ?, nextval('recon_notify_seq'), ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                UUID.randomUUID().toString(), eventId, channel, target, subject, text, html, at.toEpochMilli(),
                at.toEpochMilli());
    }

    /** The deliveries in {@code states}, oldest first (status). */
    public void each(List<State> states, Consumer<Delivery> action) {
        page(states, null, -1, Integer.MAX_VALUE).forEach(action);
    }

    /**
     * Up to {@code limit} deliveries in {@code states} recorded after {@code afterSeq}, oldest first;
     * {@code dueBy} (when not null) leaves out those whose next try is later.
     */
    public List<Delivery> page(List<State> states, Instant dueBy, long afterSeq, int limit) {
        List<Delivery> page = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder("d.seq > ? AND d.state IN (");
        arguments.add(afterSeq);
        for (int i = 0; i < states.size(); i++) {
            where.append(i == 0 ? "?" : ", ?");
            arguments.add(states.get(i).name());
        }
        where.append(')');
        if (dueBy != null) {
            where.append(" AND d.next_attempt_at <= ?");
            arguments.add(dueBy.toEpochMilli());
        }
        if (limit < Integer.MAX_VALUE) {
            arguments.add(limit);
        }
        jdbc.query("SELECT d.seq, d.delivery_id, d.event_id, e.type, e.business_date, d.channel, d.target, d.state, "
                + "d.attempts, d.created_at, d.last_attempt_at, d.last_error, e.body, d.subject, d.body_text, "
                + "d.body_html FROM recon_notify_delivery d JOIN recon_notify_event e ON e.event_id = d.event_id "
                + "WHERE " + where + " ORDER BY d.seq" + (limit < Integer.MAX_VALUE ? " LIMIT ?" : ""), rs -> {
            long lastAttempt = rs.getLong(11);
            boolean neverTried = rs.wasNull();
            page.add(new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                    State.valueOf(rs.getString(8)), rs.getInt(9), Instant.ofEpochMilli(rs.getLong(10)),
                    neverTried ? null : Instant.ofEpochMilli(lastAttempt), rs.getString(12), rs.getString(13),
                    rs.getString(14), rs.getString(15), rs.getString(16)));
        }, arguments.toArray());
        return page;
    }

    /**
     * Takes a pending delivery for {@code lease}: no other sender takes it meanwhile. False when it is no longer
     * pending or another sender holds it.
     */
    public boolean claim(String deliveryId, Instant now, java.time.Duration lease) {
        return jdbc.update("UPDATE recon_notify_delivery SET claimed_until = ? WHERE delivery_id = ? "
                        + "AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)",
                now.plus(lease).toEpochMilli(), deliveryId, now.toEpochMilli()) == 1;
    }

    public void delivered(String deliveryId, Instant at) {
        jdbc.update("UPDATE recon_notify_delivery SET state = 'DELIVERED', attempts = attempts + 1, "
                + "last_attempt_at = ?, delivered_at = ?, last_error = NULL, claimed_until = NULL "
                + "WHERE delivery_id = ?", at.toEpochMilli(), at.toEpochMilli(), deliveryId);
    }

    /** A try that did not deliver: tried again from {@code nextTry}, or never again when {@code failedForGood}. */
    public void notDelivered(String deliveryId, Instant at, String error, Instant nextTry, boolean failedForGood) {
        jdbc.update("UPDATE recon_notify_delivery SET state = ?, attempts = attempts + 1, last_attempt_at = ?, "
                        + "last_error = ?, next_attempt_at = ?, claimed_until = NULL WHERE delivery_id = ?",
                failedForGood ? "FAILED" : "PENDING", at.toEpochMilli(), clip(error, 400), nextTry.toEpochMilli(),
                deliveryId);
    }

    /** Failed deliveries become pending again (recon notify retry --failed). */
    public int retryFailed(Instant now) {
        return jdbc.update("UPDATE recon_notify_delivery SET state = 'PENDING', next_attempt_at = ? "
                + "WHERE state = 'FAILED'", now.toEpochMilli());
    }

    /** How many deliveries are in {@code state}, per channel (channels with none left out). */
    public Map<String, Long> count(State state) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT channel, COUNT(*) FROM recon_notify_delivery WHERE state = ? GROUP BY channel "
                + "ORDER BY channel", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, state.name());
        return counts;
    }

    public static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
