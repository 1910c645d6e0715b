using System.Data.Common;
using CohortBot.Core.Reviews;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Audit;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Submissions;

/// <summary>Weekly proofs and certificates. Each submission is a new row; the highest attempt is current.</summary>
public sealed class SubmissionStore(Database connections) : ISubmissionStore
{
    private const string InsertWeekly = """
        INSERT INTO submissions (cohort_id, participant_id, week_id, attempt, submitted_at, url, file_sha256, file_content_type, file_size, note, is_late, status)
        VALUES (@CohortId, @ParticipantId, @WeekId,
                (SELECT COALESCE(MAX(attempt), 0) + 1 FROM submissions WHERE participant_id = @ParticipantId AND week_id = @WeekId),
                @SubmittedAt, @Url, @FileSha256, @FileContentType, @FileSize, @Note, @IsLate, 'pending')
        RETURNING id
        """;

    private const string ApproveAutomatically = $"""
        UPDATE submissions SET status = 'approved', reviewed_by = '{AutoApproval.Reviewer}', reviewed_at = @now WHERE id = @id
        """;

    private const string WeeklyColumns = """
        s.id, s.participant_id, s.week_id, w.number AS week_number, s.attempt, s.submitted_at, s.url,
        s.file_sha256, s.file_content_type, s.file_size, s.note, s.is_late, s.status, s.review_reason
        """;

    private const string SelectWeeklyById = $"SELECT {WeeklyColumns} FROM submissions s JOIN weeks w ON w.id = s.week_id WHERE s.id = @id";

    private const string SelectLatestWeekly = $"""
        SELECT {WeeklyColumns}
        FROM submissions s JOIN weeks w ON w.id = s.week_id
        WHERE s.participant_id = @participantId
          AND s.attempt = (SELECT MAX(x.attempt) FROM submissions x WHERE x.participant_id = s.participant_id AND x.week_id = s.week_id)
        ORDER BY w.number
        """;

    private const string InsertCertificate = """
        INSERT INTO certificate_submissions (cohort_id, participant_id, certificate_key, attempt, submitted_at, url, file_sha256, file_content_type, file_size, is_late, status)
        VALUES (@CohortId, @ParticipantId, @CertificateKey,
                (SELECT COALESCE(MAX(attempt), 0) + 1 FROM certificate_submissions WHERE participant_id = @ParticipantId),
                @SubmittedAt, @Url, @FileSha256, @FileContentType, @FileSize, @IsLate, 'pending')
        RETURNING id
        """;

    private const string CertificateColumns = """
        id, participant_id, certificate_key, attempt, submitted_at, url, file_sha256, file_content_type, file_size, is_late, status, review_reason
        """;

    private const string SelectCertificateById = $"SELECT {CertificateColumns} FROM certificate_submissions WHERE id = @id";

    private const string SelectLatestCertificate = $"""
        SELECT {CertificateColumns} FROM certificate_submissions
        WHERE participant_id = @participantId
        ORDER BY attempt DESC
        LIMIT 1
        """;

    public Task<Submission> RecordWeeklyAsync(NewSubmission s, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var id = await db.ExecuteScalarAsync<long>(InsertWeekly, new
            {
                s.CohortId, s.ParticipantId, s.WeekId, SubmittedAt = Instants.ToDb(s.SubmittedAt), s.Url,
                FileSha256 = s.File?.Sha256, FileContentType = s.File?.ContentType, FileSize = s.File?.SizeBytes,
                s.Note, IsLate = s.IsLate ? 1 : 0,
            }, tx);
            var saved = (await db.QuerySingleAsync<WeeklySubmissionRow>(SelectWeeklyById, new { id }, tx)).ToDomain();
            if (!s.AutoApprove)
            {
                return saved;
            }

            // The approval and its audit entry commit with the proof, or none of them does.
            await db.ExecuteAsync(ApproveAutomatically, new { id, now = Instants.ToDb(s.SubmittedAt) }, tx);
            await AuditLog.InsertAsync(db, tx, AutoApproval.AuditOf(s.CohortId, saved, s.SubmittedAt));
            return saved with { Status = ReviewStatus.Approved };
        }, ct);

    public async Task<IReadOnlyList<Submission>> LatestWeeklyAsync(long participantId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<WeeklySubmissionRow>(new CommandDefinition(SelectLatestWeekly, new { participantId }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public Task<CertificateSubmission> RecordCertificateAsync(NewCertificateSubmission s, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var id = await db.ExecuteScalarAsync<long>(InsertCertificate, new
            {
                s.CohortId, s.ParticipantId, s.CertificateKey, SubmittedAt = Instants.ToDb(s.SubmittedAt), s.Url,
                FileSha256 = s.File?.Sha256, FileContentType = s.File?.ContentType, FileSize = s.File?.SizeBytes,
                IsLate = s.IsLate ? 1 : 0,
            }, tx);
            return (await db.QuerySingleAsync<CertificateSubmissionRow>(SelectCertificateById, new { id }, tx)).ToDomain();
        }, ct);

    public async Task<CertificateSubmission?> LatestCertificateAsync(long participantId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<CertificateSubmissionRow>(new CommandDefinition(SelectLatestCertificate, new { participantId }, cancellationToken: ct));
        return row?.ToDomain();
    }

    internal static ReviewStatus Status(string status) => status switch
    {
        "approved" => ReviewStatus.Approved,
        "rejected" => ReviewStatus.Rejected,
        _ => ReviewStatus.Pending,
    };

    internal static ProofFile? File(string? sha, string? type, long? size) =>
        sha is null ? null : new ProofFile(sha, type ?? "application/octet-stream", size ?? 0);
}
