using System.Data.Common;
using CohortBot.Core.Completion;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;
using CohortBot.Storage.Submissions;
using Dapper;

namespace CohortBot.Storage.Completion;

/// <summary>Reads a whole cohort's records in a handful of queries (one read transaction, one consistent view).</summary>
public sealed class CompletionRecords(Database connections) : ICompletionRecords
{
    private const string SelectParticipants = """
        SELECT id, cohort_id, display_name, email, locale, time_zone, status
        FROM participants WHERE cohort_id = @cohortId ORDER BY id
        """;

    // Every attempt, the latest kept in memory: a correlated MAX per row cost twice the read itself
    // (10,000 people x 16 weeks), and resubmissions are few.
    private const string SelectWeekly = """
        SELECT s.id, s.participant_id, s.week_id, w.number AS week_number, s.attempt, s.submitted_at, s.url,
               s.file_sha256, s.file_content_type, s.file_size, s.note, s.is_late, s.status, s.review_reason
        FROM submissions s JOIN weeks w ON w.id = s.week_id
        WHERE s.cohort_id = @cohortId AND w.retired = 0
        """;

    private const string SelectLatestCertificates = """
        SELECT c.id, c.participant_id, c.certificate_key, c.attempt, c.submitted_at, c.url,
               c.file_sha256, c.file_content_type, c.file_size, c.is_late, c.status, c.review_reason
        FROM certificate_submissions c
        WHERE c.cohort_id = @cohortId
          AND c.attempt = (SELECT MAX(x.attempt) FROM certificate_submissions x WHERE x.participant_id = c.participant_id)
        """;

    // The first account a participant was known by: their handle in lists (ParticipantLabel).
    private const string SelectHandles = """
        SELECT participant_id, platform, platform_user_id FROM participant_identities
        WHERE cohort_id = @cohortId ORDER BY participant_id, id
        """;

    private const string SelectExcused = "SELECT participant_id, week_id FROM excused_weeks WHERE cohort_id = @cohortId";

    private const string SelectExtensions = "SELECT participant_id, week_id, due_at FROM deadline_extensions WHERE cohort_id = @cohortId";

    private const string SelectAttended = """
        SELECT a.participant_id, COUNT(*) AS attended
        FROM attendance a JOIN events e ON e.id = a.event_id
        WHERE a.cohort_id = @cohortId AND e.cancelled = 0
        GROUP BY a.participant_id
        """;

    public async Task<IReadOnlyList<ParticipantRecord>> LoadAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        var args = new { cohortId };
        var people = await db.QueryAsync<(long Id, long CohortId, string DisplayName, string? Email, string? Locale, string? TimeZone, string Status)>(SelectParticipants, args, tx);
        var latest = new Dictionary<(long Participant, long Week), WeeklySubmissionRow>();
        foreach (var row in await db.QueryAsync<WeeklySubmissionRow>(SelectWeekly, args, tx))
        {
            if (!latest.TryGetValue((row.ParticipantId, row.WeekId), out var seen) || seen.Attempt < row.Attempt)
            {
                latest[(row.ParticipantId, row.WeekId)] = row;
            }
        }

        var weekly = latest.Values.ToLookup(r => r.ParticipantId);
        var certificates = (await db.QueryAsync<CertificateSubmissionRow>(SelectLatestCertificates, args, tx)).ToDictionary(r => r.ParticipantId);
        var excused = (await db.QueryAsync<(long ParticipantId, long WeekId)>(SelectExcused, args, tx)).ToLookup(r => r.ParticipantId, r => r.WeekId);
        var extensions = (await db.QueryAsync<(long ParticipantId, long? WeekId, long DueAt)>(SelectExtensions, args, tx)).ToLookup(r => r.ParticipantId);
        var attended = (await db.QueryAsync<(long ParticipantId, long Attended)>(SelectAttended, args, tx)).ToDictionary(r => r.ParticipantId, r => (int)r.Attended);
        var handles = new Dictionary<long, string>();
        foreach (var (participantId, platform, userId) in await db.QueryAsync<(long, string, string)>(SelectHandles, args, tx))
        {
            handles.TryAdd(participantId, ParticipantLabel.Handle(platform, userId));
        }

        return people.Select(p => new ParticipantRecord(
            new Participant(p.Id, p.CohortId, p.DisplayName, p.Email, p.Locale, p.TimeZone, p.Status == "dropped" ? ParticipantStatus.Dropped : ParticipantStatus.Active)
            {
                Handle = handles.GetValueOrDefault(p.Id),
            },
            weekly[p.Id].ToDictionary(w => w.WeekId, w => w.ToDomain()),
            certificates.TryGetValue(p.Id, out var c) ? c.ToDomain() : null,
            excused[p.Id].ToHashSet(),
            extensions[p.Id].Where(e => e.WeekId is not null).ToDictionary(e => e.WeekId!.Value, e => Instants.FromDb(e.DueAt)),
            extensions[p.Id].Where(e => e.WeekId is null).Select(e => (DateTimeOffset?)Instants.FromDb(e.DueAt)).FirstOrDefault(),
            attended.GetValueOrDefault(p.Id))).ToList();
    }
}
