using System.Data.Common;
using CohortBot.Core.Exports;
using CohortBot.Storage.Proofs;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Exports;

public sealed class ExportQueries(Database connections) : IExportQueries
{
    private const string SelectIdentities = """
        SELECT participant_id, platform, platform_user_id FROM participant_identities
        WHERE cohort_id = @cohortId ORDER BY participant_id, platform, id
        """;

    private const string SelectSubmissions = """
        SELECT 'w' || s.id AS proof, s.participant_id, p.display_name AS name, p.email, w.number AS week, NULL AS certificate,
               s.attempt, s.submitted_at, s.is_late, s.url, s.file_sha256, s.file_content_type, s.status, s.review_reason, s.reviewed_by, s.reviewed_at
        FROM submissions s JOIN weeks w ON w.id = s.week_id JOIN participants p ON p.id = s.participant_id
        WHERE s.cohort_id = @cohortId
        UNION ALL
        SELECT 'c' || c.id, c.participant_id, p.display_name, p.email, NULL, c.certificate_key,
               c.attempt, c.submitted_at, c.is_late, c.url, c.file_sha256, c.file_content_type, c.status, c.review_reason, c.reviewed_by, c.reviewed_at
        FROM certificate_submissions c JOIN participants p ON p.id = c.participant_id
        WHERE c.cohort_id = @cohortId
        ORDER BY submitted_at, proof
        """;

    private const string SelectRsvps = """
        SELECT e.key AS event_key, e.title AS event_title, e.kind, e.starts_at, e.cancelled AS event_cancelled,
               p.id AS participant_id, p.display_name AS name, p.email,
               r.status AS rsvp_status, r.requested_at, a.source AS attendance_source, a.recorded_at AS attended_at
        FROM (SELECT event_id, participant_id FROM rsvps WHERE cohort_id = @cohortId
              UNION
              SELECT event_id, participant_id FROM attendance WHERE cohort_id = @cohortId) x
        JOIN events e ON e.id = x.event_id
        JOIN participants p ON p.id = x.participant_id
        LEFT JOIN rsvps r ON r.event_id = x.event_id AND r.participant_id = x.participant_id
        LEFT JOIN attendance a ON a.event_id = x.event_id AND a.participant_id = x.participant_id
        ORDER BY e.starts_at, e.key, p.display_name, p.id
        """;

    public async Task<ILookup<long, (string Platform, string UserId)>> IdentitiesAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(long ParticipantId, string Platform, string PlatformUserId)>(new CommandDefinition(SelectIdentities, new { cohortId }, cancellationToken: ct));
        return rows.ToLookup(r => r.ParticipantId, r => (r.Platform, r.PlatformUserId));
    }

    public async Task<IReadOnlyList<SubmissionExportRow>> SubmissionsAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<SubmissionRow>(new CommandDefinition(SelectSubmissions, new { cohortId }, cancellationToken: ct));
        return rows.Select(r => new SubmissionExportRow(r.Proof, r.ParticipantId, r.Name, r.Email, (int?)r.Week, r.Certificate, (int)r.Attempt,
            Instants.FromDb(r.SubmittedAt), r.IsLate != 0, r.Url, r.FileSha256 is null ? null : FileSystemProofStore.RelativePath(r.FileSha256),
            r.FileContentType, r.Status, r.ReviewReason, r.ReviewedBy, Instants.FromDb(r.ReviewedAt))).ToList();
    }

    public async Task<IReadOnlyList<RsvpExportRow>> RsvpsAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<RsvpRow>(new CommandDefinition(SelectRsvps, new { cohortId }, cancellationToken: ct));
        return rows.Select(r => new RsvpExportRow(r.EventKey, r.EventTitle, r.Kind, Instants.FromDb(r.StartsAt), r.EventCancelled != 0,
            r.ParticipantId, r.Name, r.Email, r.RsvpStatus, Instants.FromDb(r.RequestedAt), r.AttendanceSource, Instants.FromDb(r.AttendedAt))).ToList();
    }

    private sealed class SubmissionRow
    {
        public string Proof { get; init; } = "";

        public long ParticipantId { get; init; }

        public string Name { get; init; } = "";

        public string? Email { get; init; }

        public long? Week { get; init; }

        public string? Certificate { get; init; }

        public long Attempt { get; init; }

        public long SubmittedAt { get; init; }

        public long IsLate { get; init; }

        public string? Url { get; init; }

        public string? FileSha256 { get; init; }

        public string? FileContentType { get; init; }

        public string Status { get; init; } = "";

        public string? ReviewReason { get; init; }

        public string? ReviewedBy { get; init; }

        public long? ReviewedAt { get; init; }
    }

    private sealed class RsvpRow
    {
        public string EventKey { get; init; } = "";

        public string EventTitle { get; init; } = "";

        public string Kind { get; init; } = "";

        public long StartsAt { get; init; }

        public long EventCancelled { get; init; }

        public long ParticipantId { get; init; }

        public string Name { get; init; } = "";

        public string? Email { get; init; }

        public string? RsvpStatus { get; init; }

        public long? RequestedAt { get; init; }

        public string? AttendanceSource { get; init; }

        public long? AttendedAt { get; init; }
    }
}
