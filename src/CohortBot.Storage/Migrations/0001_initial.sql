-- Every row belongs to a cohort so one database can serve several (one per server or workspace).
-- Instants are UTC unix milliseconds (INTEGER); booleans are 0/1.

CREATE TABLE cohorts (
    id                    INTEGER PRIMARY KEY,
    slug                  TEXT    NOT NULL UNIQUE,
    name                  TEXT    NOT NULL,
    time_zone             TEXT    NOT NULL,
    starts_at             INTEGER NOT NULL,
    ends_at               INTEGER NOT NULL,
    registration_open     INTEGER NOT NULL,
    language              TEXT    NOT NULL,
    certificate_deadline  INTEGER NULL,
    updated_at            INTEGER NOT NULL
);

CREATE TABLE weeks (
    id            INTEGER PRIMARY KEY,
    cohort_id     INTEGER NOT NULL REFERENCES cohorts (id),
    number        INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    course_range  TEXT    NULL,
    opens_at      INTEGER NOT NULL,
    due_at        INTEGER NOT NULL,
    closes_at     INTEGER NOT NULL,
    retired       INTEGER NOT NULL DEFAULT 0,  -- gone from the cohort file; kept for the submissions that point at it
    UNIQUE (cohort_id, number)
);

CREATE TABLE certificate_types (
    id         INTEGER PRIMARY KEY,
    cohort_id  INTEGER NOT NULL REFERENCES cohorts (id),
    key        TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    retired    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (cohort_id, key)
);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    key         TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('tech_talk', 'career_talk', 'office_hours')),
    title       TEXT    NOT NULL,
    company     TEXT    NULL,
    topic       TEXT    NULL,
    starts_at   INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL,
    join_url    TEXT    NULL,
    capacity    INTEGER NULL CHECK (capacity IS NULL OR capacity > 0),
    cancelled   INTEGER NOT NULL DEFAULT 0,
    source      TEXT    NOT NULL DEFAULT 'file' CHECK (source IN ('file', 'chat')),
    updated_at  INTEGER NOT NULL,
    UNIQUE (cohort_id, key)
);
CREATE INDEX ix_events_upcoming ON events (cohort_id, starts_at);

CREATE TABLE event_speakers (
    id        INTEGER PRIMARY KEY,
    event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    role      TEXT    NULL,
    UNIQUE (event_id, position)
);

CREATE TABLE participants (
    id            INTEGER PRIMARY KEY,
    cohort_id     INTEGER NOT NULL REFERENCES cohorts (id),
    display_name  TEXT    NOT NULL,
    named_by_organizer INTEGER NOT NULL DEFAULT 0,  -- roster names win over platform display names
    email         TEXT    NULL,
    locale        TEXT    NULL,   -- last locale the platform reported
    language      TEXT    NULL,   -- the participant's own /language choice; wins over locale
    time_zone     TEXT    NULL,   -- the participant's own /timezone choice (IANA id)
    status        TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dropped')),
    created_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_participants_email ON participants (cohort_id, email) WHERE email IS NOT NULL;

CREATE TABLE participant_identities (
    id                INTEGER PRIMARY KEY,
    cohort_id         INTEGER NOT NULL REFERENCES cohorts (id),
    participant_id    INTEGER NOT NULL REFERENCES participants (id),
    platform          TEXT    NOT NULL,
    platform_user_id  TEXT    NOT NULL,
    UNIQUE (cohort_id, platform, platform_user_id)
);
CREATE INDEX ix_identities_participant ON participant_identities (participant_id);

CREATE TABLE submissions (
    id                 INTEGER PRIMARY KEY,
    cohort_id          INTEGER NOT NULL REFERENCES cohorts (id),
    participant_id     INTEGER NOT NULL REFERENCES participants (id),
    week_id            INTEGER NOT NULL REFERENCES weeks (id),
    attempt            INTEGER NOT NULL,
    submitted_at       INTEGER NOT NULL,
    url                TEXT    NULL,
    file_sha256        TEXT    NULL,
    file_content_type  TEXT    NULL,
    file_size          INTEGER NULL,
    note               TEXT    NULL,
    is_late            INTEGER NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    review_reason      TEXT    NULL,
    reviewed_by        TEXT    NULL,
    reviewed_at        INTEGER NULL,
    CHECK (url IS NOT NULL OR file_sha256 IS NOT NULL),
    UNIQUE (participant_id, week_id, attempt)
);
CREATE INDEX ix_submissions_review ON submissions (cohort_id, status, submitted_at);

CREATE TABLE certificate_submissions (
    id                 INTEGER PRIMARY KEY,
    cohort_id          INTEGER NOT NULL REFERENCES cohorts (id),
    participant_id     INTEGER NOT NULL REFERENCES participants (id),
    certificate_key    TEXT    NOT NULL,
    attempt            INTEGER NOT NULL,
    submitted_at       INTEGER NOT NULL,
    url                TEXT    NOT NULL,
    file_sha256        TEXT    NULL,
    file_content_type  TEXT    NULL,
    file_size          INTEGER NULL,
    is_late            INTEGER NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    review_reason      TEXT    NULL,
    reviewed_by        TEXT    NULL,
    reviewed_at        INTEGER NULL,
    UNIQUE (participant_id, attempt)
);

CREATE TABLE rsvps (
    id              INTEGER PRIMARY KEY,
    cohort_id       INTEGER NOT NULL REFERENCES cohorts (id),
    event_id        INTEGER NOT NULL REFERENCES events (id),
    participant_id  INTEGER NOT NULL REFERENCES participants (id),
    status          TEXT    NOT NULL CHECK (status IN ('going', 'waitlisted', 'cancelled')),
    requested_at    INTEGER NOT NULL,  -- waitlist order: earliest request first
    updated_at      INTEGER NOT NULL,
    UNIQUE (event_id, participant_id)
);
CREATE INDEX ix_rsvps_event ON rsvps (event_id, status, requested_at);

CREATE TABLE attendance (
    id              INTEGER PRIMARY KEY,
    cohort_id       INTEGER NOT NULL REFERENCES cohorts (id),
    event_id        INTEGER NOT NULL REFERENCES events (id),
    participant_id  INTEGER NOT NULL REFERENCES participants (id),
    source          TEXT    NOT NULL,
    recorded_at     INTEGER NOT NULL,
    UNIQUE (event_id, participant_id)
);

-- Small facts adapters must remember across restarts: the hash of the registered command set,
-- cached DM channel ids, gateway session ids. Keyed per platform; not per cohort because some
-- (an application's command hash) belong to the bot installation.
CREATE TABLE platform_state (
    platform    TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (platform, key)
);

-- Deliveries already handled, so a platform's retry (Slack retry_attempt, a replayed Discord
-- interaction) is processed once.
CREATE TABLE inbound_deliveries (
    platform     TEXT    NOT NULL,
    delivery_id  TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,
    PRIMARY KEY (platform, delivery_id)
);
