-- Cases: how people work the flags (SPEC "Cases: working the flags"). Never part of a bundle.
--
-- recon_case_day holds each case as it stood at the end of a business date (after that date's data and the
-- people's actions made while it was the latest completed date), written for every case that date changed. A case
-- flagged again with the same facts is not written: every case still standing (not CLOSED) after a date was
-- flagged on it, so its last_flagged_on is the clock's latest_date, which readers put in (cases.CaseStore).
-- recon_case is the newest of those rows per case, and what the desk lists and acts on. A rerun of D or a
-- late date D restores every case to its row before D and replays the dates from D (cases.CaseReplay).
-- recon_case_event is the append-only history: nothing in it is ever updated or deleted.
--
-- A case's key: kind ESCALATION: request_id; kind EXCEPTION: exception_type plus request_id and/or txn_id
-- (key_type, key_request_id, key_txn_id; '' where a part does not apply). The facts (type, request_id, order_id,
-- txn_id, priority, amount, currency, detail) are those of the last date that flagged it.

CREATE TABLE recon_case (
    case_id         BIGINT         NOT NULL PRIMARY KEY,
    kind            VARCHAR(10)    NOT NULL,
    key_type        VARCHAR(40)    ${text_order} NOT NULL,
    key_request_id  VARCHAR        ${text_order} NOT NULL,
    key_txn_id      VARCHAR        ${text_order} NOT NULL,
    type            VARCHAR(40)    NOT NULL,
    request_id      VARCHAR        NOT NULL,
    order_id        VARCHAR        NOT NULL,
    txn_id          VARCHAR        NOT NULL,
    priority        VARCHAR(10)    NOT NULL,
    amount          DECIMAL(38, 4),
    currency        VARCHAR(3),
    detail          VARCHAR        NOT NULL,
    state           VARCHAR(12)    NOT NULL,
    assignee        VARCHAR,
    opened_on       DATE           NOT NULL,
    last_flagged_on DATE,
    closed_on       DATE,
    reopened_on     DATE,
    reopen_count    INT            NOT NULL,
    due_on          DATE           NOT NULL,
    waiting_since   DATE,
    accepted_type   VARCHAR(40),
    accepted_amount DECIMAL(38, 4),
    last_event_no   INT            NOT NULL,
    CONSTRAINT recon_case_key UNIQUE (kind, key_type, key_request_id, key_txn_id)
);
CREATE INDEX recon_case_by_state ON recon_case (state, case_id);
CREATE INDEX recon_case_by_request ON recon_case (request_id);

CREATE TABLE recon_case_day (
    business_date   DATE           NOT NULL,
    case_id         BIGINT         NOT NULL,
    kind            VARCHAR(10)    NOT NULL,
    key_type        VARCHAR(40)    NOT NULL,
    key_request_id  VARCHAR        NOT NULL,
    key_txn_id      VARCHAR        NOT NULL,
    type            VARCHAR(40)    NOT NULL,
    request_id      VARCHAR        NOT NULL,
    order_id        VARCHAR        NOT NULL,
    txn_id          VARCHAR        NOT NULL,
    priority        VARCHAR(10)    NOT NULL,
    amount          DECIMAL(38, 4),
    currency        VARCHAR(3),
    detail          VARCHAR        NOT NULL,
    state           VARCHAR(12)    NOT NULL,
    assignee        VARCHAR,
    opened_on       DATE           NOT NULL,
    last_flagged_on DATE,
    closed_on       DATE,
    reopened_on     DATE,
    reopen_count    INT            NOT NULL,
    due_on          DATE           NOT NULL,
    waiting_since   DATE,
    accepted_type   VARCHAR(40),
    accepted_amount DECIMAL(38, 4),
    last_event_no   INT            NOT NULL,
    PRIMARY KEY (business_date, case_id)
);
CREATE INDEX recon_case_day_by_case ON recon_case_day (case_id, business_date);

-- at: the instant (epoch milliseconds, UTC). anchor_date: where the event sits among business dates — its
-- business date for the data's own events, the latest completed date when a person acted (a replay applies a
-- person's action after that date). by_person: the actions a replay applies again.
CREATE TABLE recon_case_event (
    case_id         BIGINT         NOT NULL,
    event_no        INT            NOT NULL,
    at              BIGINT         NOT NULL,
    actor           VARCHAR        NOT NULL,
    action          VARCHAR(20)    NOT NULL,
    business_date   DATE,
    anchor_date     DATE           NOT NULL,
    by_person       BOOLEAN        NOT NULL,
    from_state      VARCHAR(12),
    to_state        VARCHAR(12)    NOT NULL,
    assignee        VARCHAR,
    disposition     VARCHAR(10),
    note            VARCHAR,
    PRIMARY KEY (case_id, event_no)
);
CREATE INDEX recon_case_event_by_person ON recon_case_event (anchor_date, by_person);

-- One row: the latest business date whose cases were applied (the "latest completed date" of the case rules),
-- and the lock that puts the night's case step and people's actions one after the other.
CREATE TABLE recon_case_clock (
    id              INT            NOT NULL PRIMARY KEY,
    latest_date     DATE,
    next_case_id    BIGINT         NOT NULL
);
INSERT INTO recon_case_clock (id, latest_date, next_case_id) VALUES (1, NULL, 1);
