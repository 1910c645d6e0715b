using System.Data.Common;
using System.Text.RegularExpressions;
using CohortBot.Core.Completion;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;
using CohortBot.Storage.Submissions;
using Dapper;

namespace CohortBot.Storage.Completion;

/// <summary>
/// Reads a whole cohort's records, or some participants' (a page of the dashboard's grid), in a
/// handful of queries (one read transaction, one consistent view).
/// </summary>
public sealed partial class CompletionRecords(Database connections) : ICompletionRecords
{
    // Each read below says whose rows it takes with one mark, {column} naming the participant's id:
    // the whole cohort's ("cohort_id = @cohortId", same table), or some participants' ("column IN @ids"
    // on SQLite, a list Dapper expands; "column = ANY(@ids)" on PostgreSQL, one array), so both reads
    // are the same query. Some participants' rows are found by the participant's index alone: beside
    // "cohort_id = ?" SQLite, which keeps no statistics here, would walk the whole cohort instead.
    // Other cohorts' participants are dropped after the first read.
    internal const string SelectParticipants = """
        SELECT id, cohort_id, display_name, email, locale, time_zone, status
        FROM participants WHERE {id} ORDER BY id
        """;

    // Every attempt, the latest kept in memory: a correlated MAX per row cost twice the read itself
    // (10,000 people x 16 weeks), and resubmissions are few.
    internal const string SelectWeekly = """
        SELECT s.id, s.participant_id, s.week_id, w.number AS week_number, s.attempt, s.submitted_at, s.url,
               s.file_sha256, s.file_content_type, s.file_size, s.note, s.is_late, s.status, s.review_reason
        FROM submissions s JOIN weeks w ON w.id = s.week_id
        WHERE {s.participant_id} AND w.retired = 0
        """;

    internal const string SelectLatestCertificates = """
        SELECT c.id, c.participant_id, c.certificate_key, c.attempt, c.submitted_at, c.url,
               c.file_sha256, c.file_content_type, c.file_size, c.is_late, c.status, c.review_reason
        FROM certificate_submissions c
        WHERE {c.participant_id}
          AND c.attempt = (SELECT MAX(x.attempt) FROM certificate_submissions x WHERE x.participant_id = c.participant_id)
        """;

    // The first account a participant was known by: their handle in lists (ParticipantLabel).
    internal const string SelectHandles = """
        SELECT participant_id, platform, platform_user_id FROM participant_identities
        WHERE {participant_id} ORDER BY participant_id, id
        """;

    internal const string SelectExcused = "SELECT participant_id, week_id FROM excused_weeks WHERE {participant_id}";

    internal const string SelectExtensions = "SELECT participant_id, week_id, due_at FROM deadline_extensions WHERE {participant_id}";

    internal const string SelectAttended = """
        SELECT a.participant_id, COUNT(*) AS attended
        FROM attendance a JOIN events e ON e.id = a.event_id
        WHERE {a.participant_id} AND e.cancelled = 0
        GROUP BY a.participant_id
        """;

    public Task<IReadOnlyList<ParticipantRecord>> LoadAsync(long cohortId, CancellationToken ct) => ReadAsync(cohortId, null, ct);

    public async Task<IReadOnlyList<ParticipantRecord>> LoadAsync(long cohortId, IReadOnlyCollection<long> participantIds, CancellationToken ct) =>
        participantIds.Count == 0 ? [] : await ReadAsync(cohortId, participantIds.Distinct().ToArray(), ct);

    public async Task<IReadOnlyList<Participant>> ParticipantsAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var people = await db.QueryAsync<(long Id, long CohortId, string DisplayName, string? Email, string? Locale, string? TimeZone, string Status)>(new CommandDefinition(Narrow(SelectParticipants, some: false, connections.Dialect), new { cohortId }, cancellationToken: ct));
        return people.Select(ToDomain).ToList();
    }

    private async Task<IReadOnlyList<ParticipantRecord>> ReadAsync(long cohortId, long[]? ids, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        object args = ids is null ? new { cohortId } : new { cohortId, ids };
        Task<IEnumerable<T>> Query<T>(string sql) => db.QueryAsync<T>(new CommandDefinition(Narrow(sql, ids is not null, connections.Dialect), args, tx, cancellationToken: ct));

        var people = (await Query<(long Id, long CohortId, string DisplayName, string? Email, string? Locale, string? TimeZone, string Status)>(SelectParticipants))
            .Where(p => p.CohortId == cohortId).ToList();
        var latest = new Dictionary<(long Participant, long Week), WeeklySubmissionRow>();
        foreach (var row in await Query<WeeklySubmissionRow>(SelectWeekly))
        {
            if (!latest.TryGetValue((row.ParticipantId, row.WeekId), out var seen) || seen.Attempt < row.Attempt)
            {
                latest[(row.ParticipantId, row.WeekId)] = row;
            }
        }

        var weekly = latest.Values.ToLookup(r => r.ParticipantId);
        var certificates = (await Query<CertificateSubmissionRow>(SelectLatestCertificates)).ToDictionary(r => r.ParticipantId);
        var excused = (await Query<(long ParticipantId, long WeekId)>(SelectExcused)).ToLookup(r => r.ParticipantId, r => r.WeekId);
        var extensions = (await Query<(long ParticipantId, long? WeekId, long DueAt)>(SelectExtensions)).ToLookup(r => r.ParticipantId);
        var attended = (await Query<(long ParticipantId, long Attended)>(SelectAttended)).ToDictionary(r => r.ParticipantId, r => (int)r.Attended);
        var handles = new Dictionary<long, string>();
        foreach (var (participantId, platform, userId) in await Query<(long, string, string)>(SelectHandles))
        {
            handles.TryAdd(participantId, ParticipantLabel.Handle(platform, userId));
        }

        return people.Select(p => new ParticipantRecord(
            ToDomain(p) with { Handle = handles.GetValueOrDefault(p.Id) },
            weekly[p.Id].ToDictionary(w => w.WeekId, w => w.ToDomain()),
            certificates.TryGetValue(p.Id, out var c) ? c.ToDomain() : null,
            excused[p.Id].ToHashSet(),
            extensions[p.Id].Where(e => e.WeekId is not null).ToDictionary(e => e.WeekId!.Value, e => Instants.FromDb(e.DueAt)),
            extensions[p.Id].Where(e => e.WeekId is null).Select(e => (DateTimeOffset?)Instants.FromDb(e.DueAt)).FirstOrDefault(),
            attended.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>Every read, for the plan tests.</summary>
    internal static IReadOnlyList<string> Reads { get; } = [SelectParticipants, SelectWeekly, SelectLatestCertificates, SelectHandles, SelectExcused, SelectExtensions, SelectAttended];

    /// <summary>The read of the whole cohort (<paramref name="some"/> false) or of the participants in <c>@ids</c>, in <paramref name="dialect"/>.</summary>
    internal static string Narrow(string sql, bool some, Dialect dialect) => Mark().Replace(sql, m =>
        !some ? m.Groups["alias"].Value + "cohort_id = @cohortId"
        : dialect == Dialect.Postgres ? m.Groups["alias"].Value + m.Groups["column"].Value + " = ANY(@ids)"
        : m.Groups["alias"].Value + m.Groups["column"].Value + " IN @ids");

    [GeneratedRegex(@"\{(?<alias>[a-z]+\.)?(?<column>[a-z_]+)\}")]
    private static partial Regex Mark();

    private static Participant ToDomain((long Id, long CohortId, string DisplayName, string? Email, string? Locale, string? TimeZone, string Status) p) =>
        new(p.Id, p.CohortId, p.DisplayName, p.Email, p.Locale, p.TimeZone, p.Status == "dropped" ? ParticipantStatus.Dropped : ParticipantStatus.Active);
}
