using CohortBot.Core.Digests;
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
        return new ReviewBacklog((int)row.WeeklyPending, (int)row.CertificatesPending);
    }

    public async Task<CertificateTally> CertificatesAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var counts = (await db.QueryAsync<(string Status, long Count)>(new CommandDefinition(SelectCertificates, new { cohortId }, cancellationToken: ct)))
            .ToDictionary(r => r.Status, r => (int)r.Count);
        return new CertificateTally(counts.GetValueOrDefault("approved"), counts.GetValueOrDefault("pending"), counts.GetValueOrDefault("rejected"), counts.GetValueOrDefault("none"));
    }
}
