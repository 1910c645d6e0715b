-- Reminder preferences on the participant, and the delivery ledger (outbox) that makes every
-- scheduled message go out once.

ALTER TABLE participants ADD COLUMN reminders_enabled INTEGER NOT NULL DEFAULT 1;
ALTER TABLE participants ADD COLUMN quiet_hours TEXT NULL;  -- 'HH:mm-HH:mm' in the participant's zone, else the cohort's

-- One row per scheduled message and recipient. recipient '*' is the fan-out job itself (done when
-- every recipient was handled). Life of a row: claimed -> sending -> confirmed; deferred (quiet
-- hours) waits for not_before; dropped is final (past the grace window, or gave up).
-- A claimed or sending row whose claimed_by is not the running process is a crash's leftover and
-- is taken over; a confirmed row is never sent again.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    cohort_id     INTEGER NOT NULL REFERENCES cohorts (id),
    kind          TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    recipient     TEXT    NOT NULL,
    offset_ms     INTEGER NOT NULL,
    due_at        INTEGER NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('claimed', 'sending', 'confirmed', 'deferred', 'dropped')),
    not_before    INTEGER NULL,
    claimed_by    TEXT    NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT    NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (kind, subject, recipient, offset_ms)
);
CREATE INDEX ix_outbox_pending ON outbox (status, not_before) WHERE status <> 'confirmed' AND status <> 'dropped';
CREATE INDEX ix_outbox_jobs ON outbox (cohort_id, recipient) WHERE recipient = '*';
