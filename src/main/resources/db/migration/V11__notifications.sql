-- Notifications (issue 19): an outbox. An event is written in the same transaction as what caused it (the
-- publish-bundle step for run.completed, the cases step for case.*), with one delivery per configured receiver
-- (a webhook URL, or the e-mail recipients). Senders (the end of every run, recon notify retry, a running desk)
-- claim a pending delivery for a while (claimed_until) before sending it, so two of them never send it at once;
-- a sender that dies mid-send leaves the claim to expire and the next one sends it again under the same
-- delivery_id, on which receivers de-duplicate. Instants are epoch milliseconds (UTC), as in recon_case_event.
--
-- dedup_key makes recording idempotent: a restart, a rerun or a replay that meets the same fact again
-- (case.opened of case 7, run.completed of 2026-11-21 revision 2, ...) records nothing new.
-- body: the webhook's exact JSON document, kept so that every try sends (and signs) the same bytes.
CREATE TABLE recon_notify_event (
    event_id        VARCHAR(36)    NOT NULL PRIMARY KEY,
    seq             BIGINT         NOT NULL,
    dedup_key       VARCHAR(200)   NOT NULL,
    type            VARCHAR(40)    NOT NULL,
    occurred_at     BIGINT         NOT NULL,
    business_date   DATE,
    body            VARCHAR        NOT NULL,
    CONSTRAINT recon_notify_event_once UNIQUE (dedup_key)
);
CREATE INDEX recon_notify_event_by_seq ON recon_notify_event (seq);

-- channel: webhook or email. target: the URL, or the recipients (the secret is never stored: it is read from
-- the configuration by URL when sending). subject/body_text/body_html: the e-mail as composed when the date
-- completed. state: PENDING (not delivered yet: retried), DELIVERED, FAILED (refused for good, e.g. HTTP 4xx or
-- a receiver no longer configured: recon notify retry --failed sends it again).
CREATE TABLE recon_notify_delivery (
    delivery_id     VARCHAR(36)    NOT NULL PRIMARY KEY,
    event_id        VARCHAR(36)    NOT NULL REFERENCES recon_notify_event (event_id),
    seq             BIGINT         NOT NULL,
    channel         VARCHAR(10)    NOT NULL,
    target          VARCHAR        NOT NULL,
    subject         VARCHAR,
    body_text       VARCHAR,
    body_html       VARCHAR,
    state           VARCHAR(10)    NOT NULL,
    attempts        INT            NOT NULL,
    created_at      BIGINT         NOT NULL,
    next_attempt_at BIGINT         NOT NULL,
    last_attempt_at BIGINT,
    last_error      VARCHAR(400),
    delivered_at    BIGINT,
    claimed_until   BIGINT
);
CREATE INDEX recon_notify_delivery_by_state ON recon_notify_delivery (state, seq);
CREATE INDEX recon_notify_delivery_by_event ON recon_notify_delivery (event_id);

-- The next seq: events and deliveries are sent in the order they were recorded.
CREATE SEQUENCE recon_notify_seq;
