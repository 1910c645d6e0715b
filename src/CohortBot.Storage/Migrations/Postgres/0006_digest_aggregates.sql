-- PostgreSQL's version of ../0006_digest_aggregates.sql: the triggers are plpgsql functions; the rest is the same.

-- The organizer digest computed in SQL (issue 16): its figures are counts over the latest attempt
-- of each proof, and finding that attempt with a correlated MAX(attempt) per row cost more than
-- the counting itself (about 3 us a row, 20,000 pending rows for the backlog alone). So the
-- database marks the attempts that a later one replaced, and the digest's indexes hold only the
-- current ones.

-- superseded = 1: a later attempt of the same proof exists (same participant and week; for
-- certificates, same participant). The highest attempt is the current one, as it always was.
ALTER TABLE submissions ADD COLUMN superseded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE certificate_submissions ADD COLUMN superseded BIGINT NOT NULL DEFAULT 0;

UPDATE submissions SET superseded = 1
WHERE attempt < (SELECT MAX(x.attempt) FROM submissions x
                 WHERE x.participant_id = submissions.participant_id AND x.week_id = submissions.week_id);

UPDATE certificate_submissions SET superseded = 1
WHERE attempt < (SELECT MAX(x.attempt) FROM certificate_submissions x
                 WHERE x.participant_id = certificate_submissions.participant_id);

-- Kept by the database itself, in the inserting transaction, whoever inserts (the store, an import,
-- a test): the new attempt supersedes every lower one.
CREATE FUNCTION submissions_supersede() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE submissions SET superseded = 1
    WHERE participant_id = NEW.participant_id AND week_id = NEW.week_id AND superseded = 0
      AND attempt < (SELECT MAX(x.attempt) FROM submissions x
                     WHERE x.participant_id = NEW.participant_id AND x.week_id = NEW.week_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER submissions_supersede AFTER INSERT ON submissions
    FOR EACH ROW EXECUTE FUNCTION submissions_supersede();

CREATE FUNCTION certificate_submissions_supersede() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE certificate_submissions SET superseded = 1
    WHERE participant_id = NEW.participant_id AND superseded = 0
      AND attempt < (SELECT MAX(x.attempt) FROM certificate_submissions x WHERE x.participant_id = NEW.participant_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER certificate_submissions_supersede AFTER INSERT ON certificate_submissions
    FOR EACH ROW EXECUTE FUNCTION certificate_submissions_supersede();

-- Current proofs by week, covering the digest's per-week counts (GROUP BY week_id in index order)
-- and its "who has a proof that counts for this week" (week_id, participant_id) anti-joins.
-- superseded is a key column as well as the filter so that the index covers those queries.
CREATE INDEX ix_submissions_current ON submissions (week_id, superseded, participant_id, status, is_late)
    WHERE superseded = 0;

-- The review backlog: current proofs waiting, oldest first (its count and its oldest item).
CREATE INDEX ix_submissions_backlog ON submissions (cohort_id, status, superseded, submitted_at)
    WHERE status = 'pending' AND superseded = 0;

-- Duplicate proofs: the review card looks up one image (the hash first, so the lookup is a seek
-- whichever table the planner starts from), the digest groups every image in hash order.
CREATE INDEX ix_submissions_image ON submissions (file_sha256, cohort_id) WHERE file_sha256 IS NOT NULL;
CREATE INDEX ix_certificate_submissions_image ON certificate_submissions (file_sha256, cohort_id) WHERE file_sha256 IS NOT NULL;

-- Current certificates by state (the digest's tally and the certificate backlog).
CREATE INDEX ix_certificate_submissions_current ON certificate_submissions (cohort_id, superseded, status, submitted_at, participant_id)
    WHERE superseded = 0;

-- Active (or dropped) participants of a cohort, without reading the rows.
CREATE INDEX ix_participants_status ON participants (cohort_id, status);
