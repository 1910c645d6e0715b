using System.Data.Common;
using System.Text.Json;
using CohortBot.Core.Allowances;
using CohortBot.Core.Digests;
using CohortBot.Core.Reviews;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Digests;

/// <summary>
/// The organizer digest's figures as SQL aggregates over the current attempts
/// (<c>superseded = 0</c>, kept by the database since migration 0006) and the indexes made for them:
/// a few thousand index entries read for a cohort of 10,000, not every proof.
/// </summary>
public sealed class DigestQueryStore(Database connections) : IDigestQueries
{
    internal const string SelectBacklog = """
        SELECT
            (SELECT COUNT(*) FROM submissions
             WHERE cohort_id = @cohortId AND status = 'pending' AND superseded = 0) AS weekly_pending,
            (SELECT COUNT(*) FROM certificate_submissions
             WHERE cohort_id = @cohortId AND superseded = 0 AND status = 'pending') AS certificates_pending
        """;

    // Each kind's oldest from its index, then the older of the two (a weekly proof first on a tie).
    internal const string SelectOldest = """
        WITH weekly AS (
                SELECT 'w' AS kind, s.id, s.participant_id, s.submitted_at
                FROM submissions s JOIN participants p ON p.id = s.participant_id
                WHERE s.cohort_id = @cohortId AND s.status = 'pending' AND s.superseded = 0 AND p.status = 'active'
                ORDER BY s.submitted_at, s.id LIMIT 1),
            certificate AS (
                SELECT 'c' AS kind, c.id, c.participant_id, c.submitted_at
                FROM certificate_submissions c JOIN participants p ON p.id = c.participant_id
                WHERE c.cohort_id = @cohortId AND c.superseded = 0 AND c.status = 'pending' AND p.status = 'active'
                ORDER BY c.submitted_at, c.id LIMIT 1),
            oldest AS (
                SELECT kind, id, participant_id, submitted_at FROM weekly
                UNION ALL
                SELECT kind, id, participant_id, submitted_at FROM certificate
                ORDER BY submitted_at, kind DESC, id LIMIT 1)
        SELECT o.kind, o.id, o.participant_id, p.display_name, i.platform, i.platform_user_id, o.submitted_at
        FROM oldest o JOIN participants p ON p.id = o.participant_id
        LEFT JOIN participant_identities i ON i.id = (SELECT MIN(f.id) FROM participant_identities f WHERE f.participant_id = p.id)
        """;

    internal const string SelectAttendance = """
        SELECT e.key, e.title, e.starts_at,
               (SELECT COUNT(*) FROM rsvps r WHERE r.event_id = e.id AND r.status = 'going') AS going,
               (SELECT COUNT(*) FROM attendance a WHERE a.event_id = e.id) AS attended
        FROM events e
        WHERE e.cohort_id = @cohortId AND e.cancelled = 0 AND e.starts_at >= @from AND e.starts_at < @to
        ORDER BY e.starts_at, e.key
        """;

    // Active participants without a current certificate are "none": the active count less those with one.
    internal const string SelectCertificates = """
        SELECT COUNT(*) FILTER (WHERE c.status = 'approved') AS approved,
               COUNT(*) FILTER (WHERE c.status = 'pending') AS pending,
               COUNT(*) FILTER (WHERE c.status = 'rejected') AS rejected,
               (SELECT COUNT(*) FROM participants WHERE cohort_id = @cohortId AND status = 'active') - COUNT(*) AS none
        FROM certificate_submissions c
        WHERE c.cohort_id = @cohortId AND c.superseded = 0
          AND c.participant_id NOT IN (SELECT id FROM participants WHERE cohort_id = @cohortId AND status = 'dropped')
        """;

    internal static readonly string SelectWeekCounts = EmbeddedSql.Read("Digests.WeekCounts.sql");

    internal static readonly string SelectWithoutProof = EmbeddedSql.Read("Digests.WithoutProof.sql");

    internal static readonly string SelectDuplicates = EmbeddedSql.Read("Digests.Duplicates.sql");

    internal static readonly string SelectWeekCountsPostgres = EmbeddedSql.Read("Digests.Postgres.WeekCounts.sql");

    internal static readonly string SelectWithoutProofPostgres = EmbeddedSql.Read("Digests.Postgres.WithoutProof.sql");

    internal static readonly string SelectDuplicatesPostgres = EmbeddedSql.Read("Digests.Postgres.Duplicates.sql");

    public async Task<ReviewBacklog> ReviewBacklogAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var row = await db.QuerySingleAsync<(long WeeklyPending, long CertificatesPending)>(new CommandDefinition(SelectBacklog, new { cohortId }, cancellationToken: ct));
        var oldest = row.WeeklyPending + row.CertificatesPending == 0 ? null
            : (await db.QueryAsync<(string Kind, long Id, long ParticipantId, string Name, string? Platform, string? UserId, long SubmittedAt)>(new CommandDefinition(SelectOldest, new { cohortId }, cancellationToken: ct)))
                .Select(o => new OldestPending(
                    new ProofRef(o.Kind == "w" ? ProofKind.Weekly : ProofKind.Certificate, o.Id), o.ParticipantId, o.Name,
                    DigestRows.Handle(o.Platform, o.UserId), Instants.FromDb(o.SubmittedAt)))
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
        var c = await db.QuerySingleAsync<(long Approved, long Pending, long Rejected, long None)>(new CommandDefinition(SelectCertificates, new { cohortId }, cancellationToken: ct));
        return new CertificateTally((int)c.Approved, (int)c.Pending, (int)c.Rejected, (int)c.None);
    }

    public async Task<IReadOnlyList<WeekCounts>> WeekCountsAsync(long cohortId, IReadOnlyList<long> weekIds, CancellationToken ct)
    {
        if (weekIds.Count == 0)
        {
            return [];
        }

        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(long WeekId, long Expected, long Submitted, long Approved, long OnTime)>(
            new CommandDefinition(connections.Sql(SelectWeekCounts, SelectWeekCountsPostgres), new { cohortId, weekIds = weekIds.ToArray() }, cancellationToken: ct));
        return rows.Select(r => new WeekCounts(r.WeekId, (int)r.Expected, (int)r.Submitted, (int)r.Approved, (int)r.OnTime)).ToList();
    }

    public async Task<IReadOnlyList<WithoutProof>> WithoutProofAsync(long cohortId, IReadOnlyList<long> weekIdsInOrder, CancellationToken ct)
    {
        if (weekIdsInOrder.Count == 0)
        {
            return [];
        }

        await using var db = await connections.OpenAsync(ct);
        // SQLite reads the weeks as a JSON array, PostgreSQL as an array parameter.
        var args = new { cohortId, weeks = JsonSerializer.Serialize(weekIdsInOrder), weekIds = weekIdsInOrder.ToArray(), lastWeekId = weekIdsInOrder[^1], lastPosition = weekIdsInOrder.Count - 1 };
        var rows = await db.QueryAsync<DigestRows.PersonWeek>(new CommandDefinition(connections.Sql(SelectWithoutProof, SelectWithoutProofPostgres), args, cancellationToken: ct));
        // Ordered by participant, then their weeks from the last one back.
        return rows.GroupBy(r => r.Id).Select(person =>
        {
            var weeks = person.ToList();
            var allowances = new ParticipantAllowances(
                weeks.Where(w => w.Excused != 0).Select(w => w.WeekId).ToHashSet(),
                weeks.Where(w => w.ExtendedTo is not null).ToDictionary(w => w.WeekId, w => Instants.FromDb(w.ExtendedTo!.Value)),
                CertificateDeadline: null);
            return new WithoutProof(weeks[0].ToParticipant(), [.. weeks.Select(w => w.WeekId)], allowances);
        }).ToList();
    }

    public async Task<IReadOnlyList<DuplicatePair>> DuplicatesAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<DigestRows.Duplicate>(new CommandDefinition(connections.Sql(SelectDuplicates, SelectDuplicatesPostgres), new { cohortId }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }
}
