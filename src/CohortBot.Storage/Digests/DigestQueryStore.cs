using CohortBot.Core.Digests;
using CohortBot.Core.Reviews;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Digests;

/// <summary>The organizer digest's cohort-wide counts: the review backlog and certificates of active participants.</summary>
public sealed class DigestQueryStore(SqliteConnectionFactory connections) : IDigestQueries
{
    private const string SelectBacklog = """
        SELECT
            (SELECT COUNT(*) FROM submissions s
             WHERE s.cohort_id = @cohortId AND s.status = 'pending'
               AND s.attempt = (SELECT MAX(x.attempt) FROM submissions x WHERE x.participant_id = s.participant_id AND x.week_id = s.week_id)) AS weekly_pending,
            (SELECT COUNT(*) FROM certificate_submissions c
             WHERE c.cohort_id = @cohortId AND c.status = 'pending'
               AND c.attempt = (SELECT MAX(x.attempt) FROM certificate_submissions x WHERE x.participant_id = c.participant_id)) AS certificates_pending
        """;

    private const string SelectOldest = """
        SELECT kind, id, participant_id, submitted_at FROM (
            SELECT 'w' AS kind, s.id, s.participant_id, s.submitted_at
            FROM submissions s JOIN participants p ON p.id = s.participant_id
            WHERE s.cohort_id = @cohortId AND s.status = 'pending' AND p.status = 'active'
              AND s.attempt = (SELECT MAX(x.attempt) FROM submissions x WHERE x.participant_id = s.participant_id AND x.week_id = s.week_id)
            UNION ALL
            SELECT 'c' AS kind, c.id, c.participant_id, c.submitted_at
            FROM certificate_submissions c JOIN participants p ON p.id = c.participant_id
            WHERE c.cohort_id = @cohortId AND c.status = 'pending' AND p.status = 'active'
              AND c.attempt = (SELECT MAX(x.attempt) FROM certificate_submissions x WHERE x.participant_id = c.participant_id))
        ORDER BY submitted_at, kind DESC, id LIMIT 1
        """;

    private const string SelectAttendance = """
        SELECT e.key, e.title, e.starts_at,
               (SELECT COUNT(*) FROM rsvps r WHERE r.event_id = e.id AND r.status = 'going') AS going,
               (SELECT COUNT(*) FROM attendance a WHERE a.event_id = e.id) AS attended
        FROM events e
        WHERE e.cohort_id = @cohortId AND e.cancelled = 0 AND e.starts_at >= @from AND e.starts_at < @to
        ORDER BY e.starts_at, e.key
        """;

    private const string SelectCertificates = """
        SELECT COALESCE(c.status, 'none') AS status, COUNT(*) AS count
        FROM participants p
        LEFT JOIN certificate_submissions c ON c.participant_id = p.id
             AND c.attempt = (SELECT MAX(x.attempt) FROM certificate_submissions x WHERE x.participant_id = p.id)
        WHERE p.cohort_id = @cohortId AND p.status = 'active'
        GROUP BY COALESCE(c.status, 'none')
        """;

    public async Task<ReviewBacklog> ReviewBacklogAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var row = await db.QuerySingleAsync<(long WeeklyPending, long CertificatesPending)>(new CommandDefinition(SelectBacklog, new { cohortId }, cancellationToken: ct));
        var oldest = row.WeeklyPending + row.CertificatesPending == 0 ? null
            : (await db.QueryAsync<(string Kind, long Id, long ParticipantId, long SubmittedAt)>(new CommandDefinition(SelectOldest, new { cohortId }, cancellationToken: ct)))
                .Select(o => new OldestPending(new ProofRef(o.Kind == "w" ? ProofKind.Weekly : ProofKind.Certificate, o.Id), o.ParticipantId, Instants.FromDb(o.SubmittedAt)))
                .FirstOrDefault();
        return new ReviewBacklog((int)row.WeeklyPending, (int)row.CertificatesPending) { Oldest = oldest };
    }

    public async Task<IReadOnlyList<EventAttendance>> AttendanceAsync(long cohortId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(string Key, string Title, long StartsAt, long Going, long Attended)>(
            new CommandDefinition(SelectAttendance, new { cohortId, from = Instants.ToDb(from), to = Instants.ToDb(to) }, cancellationToken: ct));
        return rows.Select(r => new EventAttendance(r.Key, r.Title, Instants.FromDb(r.StartsAt), (int)r.Going, (int)r.Attended)).ToList();
    }

    public async Task<CertificateTally> CertificatesAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var counts = (await db.QueryAsync<(string Status, long Count)>(new CommandDefinition(SelectCertificates, new { cohortId }, cancellationToken: ct)))
            .ToDictionary(r => r.Status, r => (int)r.Count);
        return new CertificateTally(counts.GetValueOrDefault("approved"), counts.GetValueOrDefault("pending"), counts.GetValueOrDefault("rejected"), counts.GetValueOrDefault("none"));
    }
}
