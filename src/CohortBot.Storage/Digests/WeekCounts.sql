-- Per week of @weekIds, over active participants: expected (not excused from it), and of those the
-- current proofs that count (not rejected), approved, and sent by the deadline. Counted from
-- ix_submissions_current in week order; dropped people and excused weeks are few, so they are
-- looked up per row rather than joined, and excused weeks (an organizer's grants) are read whole.
WITH counted AS (
    SELECT s.week_id,
           COUNT(*) FILTER (WHERE s.status <> 'rejected') AS submitted,
           COUNT(*) FILTER (WHERE s.status = 'approved') AS approved,
           COUNT(*) FILTER (WHERE s.status <> 'rejected' AND s.is_late = 0) AS on_time
    FROM submissions s
    WHERE s.week_id IN @weekIds AND s.superseded = 0
      AND s.participant_id NOT IN (SELECT id FROM participants WHERE cohort_id = @cohortId AND status = 'dropped')
      AND NOT EXISTS (SELECT 1 FROM excused_weeks e WHERE e.participant_id = s.participant_id AND e.week_id = s.week_id)
    GROUP BY s.week_id),
excused AS (
    SELECT e.week_id, COUNT(*) AS excused
    FROM excused_weeks e
    WHERE e.cohort_id = @cohortId AND e.week_id IN @weekIds
      AND e.participant_id NOT IN (SELECT id FROM participants WHERE cohort_id = @cohortId AND status = 'dropped')
    GROUP BY e.week_id)
SELECT w.id AS week_id,
       (SELECT COUNT(*) FROM participants WHERE cohort_id = @cohortId AND status = 'active') - COALESCE(x.excused, 0) AS expected,
       COALESCE(c.submitted, 0) AS submitted,
       COALESCE(c.approved, 0) AS approved,
       COALESCE(c.on_time, 0) AS on_time
FROM weeks w
LEFT JOIN counted c ON c.week_id = w.id
LEFT JOIN excused x ON x.week_id = w.id
WHERE w.cohort_id = @cohortId AND w.id IN @weekIds
