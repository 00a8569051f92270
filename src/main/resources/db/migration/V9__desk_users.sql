-- The people who log in to the desk (recon serve). Only a bcrypt hash of each password is kept. name is
-- shown and logged in with as written; name_key (name in lower case) keeps "Alice" and "alice" from being two
-- users. failed_logins counts wrong passwords since the last good one; the fifth holds the account until
-- locked_until (epoch milliseconds). V8 is the cases' migration.
CREATE TABLE desk_user (
    name            VARCHAR(64)  NOT NULL PRIMARY KEY,
    name_key        VARCHAR(64)  NOT NULL UNIQUE,
    role            VARCHAR(10)  NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    created_at      BIGINT       NOT NULL,
    failed_logins   INT          NOT NULL,
    locked_until    BIGINT,
    CONSTRAINT desk_user_role CHECK (role IN ('AGENT', 'FINANCE', 'AUDITOR', 'ADMIN'))
);
