-- PostgreSQL's version of ../0007_dashboard_tokens.sql: the same table; instants stay UTC unix milliseconds (BIGINT).

-- The web dashboard's one-time sign-in links and signed-in sessions (issue 13), kept here so that a
-- restart neither signs organizers out nor voids a link they were just sent. Only the SHA-256 of a
-- token is kept: reading this table signs nobody in. With it, the chat identity the dashboard acts
-- as (roles as a JSON array, as the platform reported them at /dashboard). Expired rows are deleted
-- whenever a new link or session is added.
CREATE TABLE dashboard_tokens (
    token_hash    TEXT    NOT NULL PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('link', 'session')),
    platform      TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    locale        TEXT    NULL,
    roles         TEXT    NULL,
    expires_at    BIGINT  NOT NULL
);

CREATE INDEX ix_dashboard_tokens_expiry ON dashboard_tokens (expires_at);
