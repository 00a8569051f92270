-- recon's own store. Every input version is kept (key, business date), so that a date can be recomputed
-- from the data as of that date. Instants are epoch seconds (UTC); amounts are exact decimals.
-- ${text_order} is COLLATE "C" on PostgreSQL and empty on H2: ledgers sort by code point on both.

CREATE TABLE business_day (
    business_date   DATE        NOT NULL PRIMARY KEY,
    first_started   TIMESTAMP   NOT NULL,
    completed       BOOLEAN     NOT NULL,
    last_attempt    INT,
    revision        INT,
    bundle_path     VARCHAR
);

-- Accepted input rows, one per version; line_number is the row's line in its file.
CREATE TABLE order_line (
    business_date       DATE           NOT NULL,
    line_number         BIGINT         NOT NULL,
    order_id            VARCHAR        NOT NULL,
    line_no             INT            NOT NULL,
    customer_id         VARCHAR        NOT NULL,
    placed_at           BIGINT         NOT NULL,
    sku                 VARCHAR        NOT NULL,
    category            VARCHAR        NOT NULL,
    quantity            INT            NOT NULL,
    unit_price          DECIMAL(38, 4) NOT NULL,
    tax                 DECIMAL(38, 4) NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    payment_method      VARCHAR(20)    NOT NULL,
    fulfillment_status  VARCHAR(20)    NOT NULL,
    shipped_at          BIGINT,
    PRIMARY KEY (business_date, line_number)
);
CREATE INDEX order_line_by_order ON order_line (order_id, business_date);

CREATE TABLE cancellation (
    business_date       DATE        NOT NULL,
    line_number         BIGINT      NOT NULL,
    request_id          VARCHAR     NOT NULL,
    order_id            VARCHAR     NOT NULL,
    line_no             INT,
    customer_id         VARCHAR     NOT NULL,
    requested_at        BIGINT      NOT NULL,
    channel             VARCHAR(20) NOT NULL,
    reason              VARCHAR     NOT NULL,
    status              VARCHAR(20) NOT NULL,
    confirmation_number VARCHAR,
    decided_at          BIGINT,
    PRIMARY KEY (business_date, line_number)
);
CREATE INDEX cancellation_by_request ON cancellation (request_id, business_date);
CREATE INDEX cancellation_by_order ON cancellation (order_id, business_date);

CREATE TABLE refund (
    business_date   DATE           NOT NULL,
    line_number     BIGINT         NOT NULL,
    txn_id          VARCHAR        NOT NULL,
    order_id        VARCHAR        NOT NULL,
    request_id      VARCHAR,
    method          VARCHAR(20)    NOT NULL,
    amount          DECIMAL(38, 4) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    created_at      BIGINT         NOT NULL,
    settled_at      BIGINT,
    PRIMARY KEY (business_date, line_number)
);
CREATE INDEX refund_by_txn ON refund (txn_id, business_date);
CREATE INDEX refund_by_request ON refund (request_id, business_date);
CREATE INDEX refund_by_order ON refund (order_id, business_date);

CREATE TABLE ingest_reject (
    business_date   DATE        NOT NULL,
    file            VARCHAR(40) ${text_order} NOT NULL,
    line_number     BIGINT      NOT NULL,
    reason          VARCHAR(40) NOT NULL,
    field           VARCHAR     NOT NULL,
    raw             VARCHAR     NOT NULL,
    PRIMARY KEY (business_date, file, line_number)
);

CREATE TABLE ingest_count (
    business_date   DATE        NOT NULL,
    file            VARCHAR(40) NOT NULL,
    rows_read       BIGINT      NOT NULL,
    rows_accepted   BIGINT      NOT NULL,
    rows_rejected   BIGINT      NOT NULL,
    PRIMARY KEY (business_date, file)
);

-- The orders whose requests a date re-evaluates, numbered so that three sorted cursors can be merged.
CREATE TABLE recon_candidate (
    business_date   DATE    NOT NULL,
    seq             BIGINT  NOT NULL,
    order_id        VARCHAR NOT NULL,
    PRIMARY KEY (business_date, seq)
);
CREATE INDEX recon_candidate_by_order ON recon_candidate (order_id, business_date);

-- Results per business date: the rows of that date's ledgers.
CREATE TABLE recon_request (
    business_date       DATE           NOT NULL,
    request_id          VARCHAR        ${text_order} NOT NULL,
    order_id            VARCHAR        NOT NULL,
    line_no             INT,
    customer_id         VARCHAR        NOT NULL,
    channel             VARCHAR(20)    NOT NULL,
    storefront_status   VARCHAR(20)    NOT NULL,
    requested_at        BIGINT         NOT NULL,
    decided_at          BIGINT,
    confirmation_number VARCHAR,
    policy_check        VARCHAR(40),
    outcome             VARCHAR(40)    ${text_order} NOT NULL,
    expected_refund     DECIMAL(38, 4),
    settled_amount      DECIMAL(38, 4),
    pending_amount      DECIMAL(38, 4),
    currency            VARCHAR(3)     ${text_order},
    age_hours           BIGINT         NOT NULL,
    flagged             BOOLEAN        NOT NULL,
    priority            VARCHAR(10),
    newly_flagged       BOOLEAN        NOT NULL,
    suggested_action    VARCHAR,
    terminal            BOOLEAN        NOT NULL,
    became_refunded     BOOLEAN        NOT NULL,
    PRIMARY KEY (business_date, request_id)
);
-- a request's latest result before a date (its open state when dates ran out of order)
CREATE INDEX recon_request_by_request ON recon_request (request_id, business_date);

CREATE TABLE recon_refund (
    business_date       DATE           NOT NULL,
    txn_id              VARCHAR        ${text_order} NOT NULL,
    order_id            VARCHAR        NOT NULL,
    request_id          VARCHAR,
    assigned_request_id VARCHAR        ${text_order},
    method              VARCHAR(20)    NOT NULL,
    amount              DECIMAL(38, 4) NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    status              VARCHAR(20)    NOT NULL,
    created_at          BIGINT         NOT NULL,
    settled_at          BIGINT,
    PRIMARY KEY (business_date, txn_id)
);

-- The cancelled lines of each request that became REFUNDED on the date, as its receipt shows them.
CREATE TABLE recon_receipt_line (
    business_date   DATE           NOT NULL,
    request_id      VARCHAR        ${text_order} NOT NULL,
    line_no         INT            NOT NULL,
    sku             VARCHAR        NOT NULL,
    quantity        INT            NOT NULL,
    unit_price      DECIMAL(38, 4) NOT NULL,
    tax             DECIMAL(38, 4) NOT NULL,
    fee             DECIMAL(38, 4) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    PRIMARY KEY (business_date, request_id, line_no)
);

-- request_id and txn_id are '' when not applicable, so that they sort first on every store.
CREATE TABLE recon_exception (
    business_date   DATE           NOT NULL,
    exception_type  VARCHAR(40)    ${text_order} NOT NULL,
    request_id      VARCHAR        ${text_order} NOT NULL,
    txn_id          VARCHAR        ${text_order} NOT NULL,
    order_id        VARCHAR        ${text_order} NOT NULL,
    amount          DECIMAL(38, 4),
    currency        VARCHAR(3),
    detail          VARCHAR        NOT NULL,
    PRIMARY KEY (business_date, exception_type, request_id, txn_id)
);
