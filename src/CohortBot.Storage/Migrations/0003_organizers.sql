-- Organizer workflow: review claims, excused weeks, per-participant extensions, check-in codes,
-- and the audit log. Instants are UTC unix milliseconds, like everywhere else.

-- A reviewer claims a pending proof for a lease; nobody else is given it until the lease ends.
ALTER TABLE submissions ADD COLUMN claimed_by TEXT NULL;
ALTER TABLE submissions ADD COLUMN claim_expires_at INTEGER NULL;
ALTER TABLE certificate_submissions ADD COLUMN claimed_by TEXT NULL;
ALTER TABLE certificate_submissions ADD COLUMN claim_expires_at INTEGER NULL;

-- A week an organizer excused for one participant (illness, travel); completion rules count them.
CREATE TABLE excused_weeks (
    id              INTEGER PRIMARY KEY,
    cohort_id       INTEGER NOT NULL REFERENCES cohorts (id),
    participant_id  INTEGER NOT NULL REFERENCES participants (id),
    week_id         INTEGER NOT NULL REFERENCES weeks (id),
    reason          TEXT    NULL,
    excused_by      TEXT    NOT NULL,
    excused_at      INTEGER NOT NULL,
    UNIQUE (participant_id, week_id)
);

-- One participant's own deadline for a week (week_id) or for the certificate (week_id NULL).
CREATE TABLE deadline_extensions (
    id              INTEGER PRIMARY KEY,
    cohort_id       INTEGER NOT NULL REFERENCES cohorts (id),
    participant_id  INTEGER NOT NULL REFERENCES participants (id),
    week_id         INTEGER NULL REFERENCES weeks (id),
    due_at          INTEGER NOT NULL,
    granted_by      TEXT    NOT NULL,
    granted_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_extensions_target ON deadline_extensions (participant_id, COALESCE(week_id, 0));

-- Every organizer action: who (platform:user), what, on what, the state before and after (JSON).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    before      TEXT    NULL,
    after       TEXT    NULL,
    at          INTEGER NOT NULL
);
CREATE INDEX ix_audit_cohort ON audit_log (cohort_id, at);

-- Short codes an organizer opens for an event; a participant who types one before it expires attends.
CREATE TABLE checkin_codes (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    event_id    INTEGER NOT NULL REFERENCES events (id),
    code        TEXT    NOT NULL,
    opened_by   TEXT    NOT NULL,
    opened_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    UNIQUE (cohort_id, code)
);

-- A week deadline moved in chat for everyone. file_due_at is the cohort file's deadline when the
-- move was made: while the file still says that, the chat deadline wins on every sync; once the
-- file's deadline for the week is edited, the file wins and the override is dropped.
CREATE TABLE week_deadline_overrides (
    id           INTEGER PRIMARY KEY,
    cohort_id    INTEGER NOT NULL REFERENCES cohorts (id),
    week_number  INTEGER NOT NULL,
    file_due_at  INTEGER NOT NULL,
    due_at       INTEGER NOT NULL,
    set_by       TEXT    NOT NULL,
    set_at       INTEGER NOT NULL,
    UNIQUE (cohort_id, week_number)
);
