-- PostgreSQL's version of ../WithoutProof.sql: the weeks come as an array (unnest WITH ORDINALITY, not
-- json_each), the recursion's first row is typed like the rest, and EXISTS is made 0/1 as SQLite gives it.
-- Active participants without a proof that counts (a current attempt, not rejected) for the last
-- week of @weeks (a JSON array of week ids in the digest's order), each with the weeks before it,
-- walking back one at a time, for which they have none either, and what organizers granted them
-- for those weeks: whether such a week is missed is Core's decision (OwnWeek), not this query's.
WITH RECURSIVE
    ordered (position, week_id) AS MATERIALIZED (
        SELECT t.ordinality - 1, t.week_id FROM unnest(@weekIds) WITH ORDINALITY AS t (week_id, ordinality)),
    without_last (participant_id) AS (
        SELECT id FROM participants WHERE cohort_id = @cohortId AND status = 'active'
        EXCEPT
        SELECT participant_id FROM submissions WHERE week_id = @lastWeekId AND superseded = 0 AND status <> 'rejected'),
    gap (participant_id, position, week_id) AS (
        SELECT participant_id, CAST(@lastPosition AS BIGINT), CAST(@lastWeekId AS BIGINT) FROM without_last
        UNION ALL
        SELECT g.participant_id, o.position, o.week_id
        FROM gap g JOIN ordered o ON o.position = g.position - 1
        WHERE NOT EXISTS (SELECT 1 FROM submissions s
                          WHERE s.week_id = o.week_id AND s.superseded = 0 AND s.participant_id = g.participant_id
                            AND s.status <> 'rejected'))
SELECT p.id, p.cohort_id, p.display_name, p.email, p.locale, p.time_zone, i.platform, i.platform_user_id,
       g.week_id,
       CASE WHEN EXISTS (SELECT 1 FROM excused_weeks e WHERE e.participant_id = p.id AND e.week_id = g.week_id) THEN 1 ELSE 0 END AS excused,
       (SELECT x.due_at FROM deadline_extensions x WHERE x.participant_id = p.id AND x.week_id = g.week_id) AS extended_to
FROM gap g
CROSS JOIN participants p
-- The first account a participant was known by: their handle in lists (ParticipantLabel).
LEFT JOIN participant_identities i ON i.id = (SELECT MIN(f.id) FROM participant_identities f WHERE f.participant_id = p.id)
WHERE p.id = g.participant_id
ORDER BY g.participant_id, g.position DESC
