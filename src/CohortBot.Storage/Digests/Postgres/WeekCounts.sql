-- PostgreSQL's version of ../WeekCounts.sql: the list of weeks is one array parameter (= ANY).
-- Per week of @weekIds, over active participants: expected (not excused from it), and of those the
-- current proofs that count (not rejected), approved, and sent by the deadline. Every current proof
-- of the week is counted straight from ix_submissions_current, in index order and with no look-up
-- per row; the few that must not count (dropped people's, excused weeks') are then found from their
-- own small tables and taken off. Both sides of the subtraction are exact, so is the difference.
WITH current AS (
    SELECT s.week_id,
           COUNT(*) FILTER (WHERE s.status <> 'rejected') AS submitted,
           COUNT(*) FILTER (WHERE s.status = 'approved') AS approved,
           COUNT(*) FILTER (WHERE s.status <> 'rejected' AND s.is_late = 0) AS on_time
    FROM submissions s
    WHERE s.week_id = ANY(@weekIds) AND s.superseded = 0
    GROUP BY s.week_id),
not_counted AS (
    -- UNION, not UNION ALL: a dropped person's excused week is one proof, taken off once.
    SELECT s.id, s.week_id, s.status, s.is_late
    FROM participants p CROSS JOIN submissions s
    WHERE p.cohort_id = @cohortId AND p.status = 'dropped'
      AND s.week_id = ANY(@weekIds) AND s.superseded = 0 AND s.participant_id = p.id
    UNION
    SELECT s.id, s.week_id, s.status, s.is_late
    FROM excused_weeks e CROSS JOIN submissions s
    WHERE e.cohort_id = @cohortId AND e.week_id = ANY(@weekIds)
      AND s.week_id = e.week_id AND s.superseded = 0 AND s.participant_id = e.participant_id),
taken_off AS (
    SELECT week_id,
           COUNT(*) FILTER (WHERE status <> 'rejected') AS submitted,
           COUNT(*) FILTER (WHERE status = 'approved') AS approved,
           COUNT(*) FILTER (WHERE status <> 'rejected' AND is_late = 0) AS on_time
    FROM not_counted
    GROUP BY week_id),
excused AS (
    SELECT e.week_id, COUNT(*) AS excused
    FROM excused_weeks e
    WHERE e.cohort_id = @cohortId AND e.week_id = ANY(@weekIds)
      AND e.participant_id NOT IN (SELECT id FROM participants WHERE cohort_id = @cohortId AND status = 'dropped')
    GROUP BY e.week_id)
SELECT w.id AS week_id,
       (SELECT COUNT(*) FROM participants WHERE cohort_id = @cohortId AND status = 'active') - COALESCE(x.excused, 0) AS expected,
       COALESCE(c.submitted, 0) - COALESCE(t.submitted, 0) AS submitted,
       COALESCE(c.approved, 0) - COALESCE(t.approved, 0) AS approved,
       COALESCE(c.on_time, 0) - COALESCE(t.on_time, 0) AS on_time
FROM weeks w
LEFT JOIN current c ON c.week_id = w.id
LEFT JOIN taken_off t ON t.week_id = w.id
LEFT JOIN excused x ON x.week_id = w.id
WHERE w.cohort_id = @cohortId AND w.id = ANY(@weekIds)
