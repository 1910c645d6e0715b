-- PostgreSQL's version of ../Duplicates.sql: IN takes the CTE as a subquery.
-- Current weekly proofs that count (not rejected) of active participants, in weeks still in the
-- cohort, whose image an earlier such proof already had (by submitted_at, then id), each with that
-- earliest one. Only images stored more than once are read: the GROUP BY runs on ix_submissions_image
-- alone, in hash order (over every cohort's images: a filter on cohort_id here would have the
-- planner read the cohort's every proof instead; counted keeps the cohort's own).
WITH shared (file_sha256) AS (
        SELECT file_sha256 FROM submissions
        WHERE file_sha256 IS NOT NULL
        GROUP BY file_sha256 HAVING COUNT(*) > 1),
    counted AS (
        SELECT s.id, s.participant_id, w.number AS week_number, s.submitted_at,
               FIRST_VALUE(s.id) OVER (PARTITION BY s.file_sha256 ORDER BY s.submitted_at, s.id) AS first_id
        FROM submissions s
        JOIN participants p ON p.id = s.participant_id
        JOIN weeks w ON w.id = s.week_id
        WHERE s.cohort_id = @cohortId AND s.file_sha256 IN (SELECT file_sha256 FROM shared)
          AND s.superseded = 0 AND s.status <> 'rejected' AND p.status = 'active' AND w.retired = 0),
    named AS (
        SELECT c.id, c.participant_id, c.week_number, c.submitted_at, c.first_id, p.cohort_id, p.display_name, p.email, p.locale, p.time_zone, i.platform, i.platform_user_id
        FROM counted c
        JOIN participants p ON p.id = c.participant_id
        LEFT JOIN participant_identities i ON i.id = (SELECT MIN(f.id) FROM participant_identities f WHERE f.participant_id = p.id))
SELECT later.id, later.week_number, later.submitted_at,
       later.participant_id, later.cohort_id, later.display_name, later.email, later.locale, later.time_zone,
       later.platform, later.platform_user_id,
       earliest.id AS other_id, earliest.week_number AS other_week_number, earliest.submitted_at AS other_submitted_at,
       earliest.participant_id AS other_participant_id, earliest.display_name AS other_display_name,
       earliest.email AS other_email, earliest.locale AS other_locale, earliest.time_zone AS other_time_zone,
       earliest.platform AS other_platform, earliest.platform_user_id AS other_platform_user_id
FROM named later
JOIN named earliest ON earliest.id = later.first_id
WHERE later.id <> later.first_id
ORDER BY later.submitted_at, later.id
