using System.Data.Common;
using CohortBot.Core.Reviews;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Reviews;

/// <summary>Other submissions, weekly or certificate, whose stored image has the same SHA-256.</summary>
public sealed class DuplicateProofQuery(Database connections) : IDuplicateProofs
{
    private const string Handle = """
        (SELECT i.platform || ':' || i.platform_user_id FROM participant_identities i
         WHERE i.participant_id = p.id ORDER BY i.id LIMIT 1)
        """;

    // "me": the proof being reviewed. Same participant and same week is a resubmission, not a duplicate.
    internal const string SelectSameImage = $"""
        WITH me AS (
            SELECT cohort_id, participant_id, week_id FROM submissions WHERE @kind = 'w' AND id = @id
            UNION ALL
            SELECT cohort_id, participant_id, NULL FROM certificate_submissions WHERE @kind = 'c' AND id = @id)
        SELECT kind, id, participant_id, participant_name, participant_handle, week_number, certificate_key, submitted_at FROM (
            SELECT 'w' AS kind, s.id, s.participant_id, p.display_name AS participant_name, {Handle} AS participant_handle,
                   w.number AS week_number, NULL AS certificate_key, s.submitted_at
            FROM submissions s JOIN weeks w ON w.id = s.week_id JOIN participants p ON p.id = s.participant_id, me
            WHERE s.cohort_id = me.cohort_id AND s.file_sha256 = @sha
              AND (s.participant_id <> me.participant_id OR s.week_id IS NOT me.week_id)
            UNION ALL
            SELECT 'c' AS kind, c.id, c.participant_id, p.display_name, {Handle}, NULL, c.certificate_key, c.submitted_at
            FROM certificate_submissions c JOIN participants p ON p.id = c.participant_id, me
            WHERE c.cohort_id = me.cohort_id AND c.file_sha256 = @sha
              AND (c.participant_id <> me.participant_id OR me.week_id IS NOT NULL))
        ORDER BY submitted_at, kind DESC, id
        LIMIT @limit
        """;

    // PostgreSQL: IS DISTINCT FROM for SQLite's null-safe IS NOT, and the derived table needs a name.
    internal const string SelectSameImagePostgres = $"""
        WITH me AS (
            SELECT cohort_id, participant_id, week_id FROM submissions WHERE @kind = 'w' AND id = @id
            UNION ALL
            SELECT cohort_id, participant_id, NULL FROM certificate_submissions WHERE @kind = 'c' AND id = @id)
        SELECT kind, id, participant_id, participant_name, participant_handle, week_number, certificate_key, submitted_at FROM (
            SELECT 'w' AS kind, s.id, s.participant_id, p.display_name AS participant_name, {Handle} AS participant_handle,
                   w.number AS week_number, NULL AS certificate_key, s.submitted_at
            FROM submissions s JOIN weeks w ON w.id = s.week_id JOIN participants p ON p.id = s.participant_id, me
            WHERE s.cohort_id = me.cohort_id AND s.file_sha256 = @sha
              AND (s.participant_id <> me.participant_id OR s.week_id IS DISTINCT FROM me.week_id)
            UNION ALL
            SELECT 'c' AS kind, c.id, c.participant_id, p.display_name, {Handle}, NULL, c.certificate_key, c.submitted_at
            FROM certificate_submissions c JOIN participants p ON p.id = c.participant_id, me
            WHERE c.cohort_id = me.cohort_id AND c.file_sha256 = @sha
              AND (c.participant_id <> me.participant_id OR me.week_id IS NOT NULL)) AS found
        ORDER BY submitted_at, kind DESC, id
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<DuplicateProof>> SameImageAsync(ProofRef proof, string sha256, int limit, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(string Kind, long Id, long ParticipantId, string ParticipantName, string? ParticipantHandle, long? WeekNumber, string? CertificateKey, long SubmittedAt)>(
            new CommandDefinition(connections.Sql(SelectSameImage, SelectSameImagePostgres), new { kind = proof.Kind == ProofKind.Weekly ? "w" : "c", id = proof.Id, sha = sha256, limit }, cancellationToken: ct));
        return rows.Select(r => new DuplicateProof(
            new ProofRef(r.Kind == "w" ? ProofKind.Weekly : ProofKind.Certificate, r.Id), r.ParticipantId, r.ParticipantName, r.ParticipantHandle,
            (int?)r.WeekNumber, r.CertificateKey, Instants.FromDb(r.SubmittedAt))).ToList();
    }
}
