-- PostgreSQL's version of ../0004_inbox.sql: the same tables, columns and constraints. Instants stay UTC unix
-- milliseconds and booleans 0/1 (BIGINT), so every store reads the same values from either database.

-- The inbox: every delivery the bot acknowledges (a Discord interaction, a Slack envelope) is kept
-- here with or before its acknowledgement, until it has been answered. A command's writes set
-- executed_at in the same transaction, so after a crash it is either not done (run it again) or
-- done (say so, do not repeat it). It replaces inbound_deliveries as the durable repeat check.
CREATE TABLE inbox (
    platform     TEXT    NOT NULL,
    delivery_id  TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    received_at  BIGINT  NOT NULL,
    executed_at  BIGINT  NULL,
    answered_at  BIGINT  NULL,
    attempts     BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, delivery_id)
);

CREATE INDEX inbox_unanswered ON inbox (received_at, platform, delivery_id) WHERE answered_at IS NULL;

DROP TABLE inbound_deliveries;
