using System.Data.Common;
using CohortBot.Core.Audit;
using CohortBot.Core.Privacy;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Privacy;

/// <summary>
/// Forgets a participant in one transaction through the writer, then deletes the proof files no
/// other row refers to. The participant row stays as a bare number ("Forgotten participant #17",
/// dropped, no contact, no preferences) so the cohort's counts do not change; everything that
/// could name or reach the person is cleared or deleted.
/// </summary>
public sealed class ParticipantEraser(Database connections, IProofFileStore files) : IParticipantEraser
{
    /// <summary>What the link and file columns say once the proof behind them is forgotten.</summary>
    public const string ForgottenProof = "forgotten";

    private const string Identities = "SELECT platform, platform_user_id AS UserId FROM participant_identities WHERE participant_id = @id";

    private const string Person = "SELECT display_name, email FROM participants WHERE id = @id";

    private const string Files = """
        SELECT file_sha256 FROM submissions WHERE participant_id = @id AND file_sha256 IS NOT NULL
        UNION SELECT file_sha256 FROM certificate_submissions WHERE participant_id = @id AND file_sha256 IS NOT NULL
        """;

    private const string Erase = """
        DELETE FROM submissions WHERE participant_id = @id AND status = 'pending';
        DELETE FROM certificate_submissions WHERE participant_id = @id AND status = 'pending';
        UPDATE submissions SET url = @forgotten, file_sha256 = NULL, file_content_type = NULL, file_size = NULL,
               note = NULL, review_reason = NULL, claimed_by = NULL, claim_expires_at = NULL
        WHERE participant_id = @id;
        UPDATE certificate_submissions SET url = @forgotten, file_sha256 = NULL, file_content_type = NULL, file_size = NULL,
               review_reason = NULL, claimed_by = NULL, claim_expires_at = NULL
        WHERE participant_id = @id;
        UPDATE excused_weeks SET reason = NULL WHERE participant_id = @id;
        DELETE FROM participant_identities WHERE participant_id = @id;
        UPDATE participants SET display_name = 'Forgotten participant #' || id, named_by_organizer = 1, email = NULL,
               locale = NULL, language = NULL, time_zone = NULL, quiet_hours = NULL, reminders_enabled = 0, status = 'dropped'
        WHERE id = @id;
        UPDATE outbox SET last_error = NULL WHERE recipient LIKE @recipient;
        UPDATE audit_log SET before = NULL, after = NULL WHERE subject = @subject;
        """;

    private const string ScrubAudit = """
        UPDATE audit_log SET before = NULL, after = NULL
        WHERE cohort_id = @cohortId AND (instr(COALESCE(before, ''), @text) > 0 OR instr(COALESCE(after, ''), @text) > 0)
        """;

    private const string ScrubAuditPostgres = """
        UPDATE audit_log SET before = NULL, after = NULL
        WHERE cohort_id = @cohortId AND (strpos(COALESCE(before, ''), @text) > 0 OR strpos(COALESCE(after, ''), @text) > 0)
        """;

    private const string ScrubActor = "UPDATE audit_log SET actor = 'forgotten' WHERE actor = @actor";

    /// <summary>Answered deliveries lose their payload now; one still in flight keeps it until answered, then is pruned.</summary>
    private const string ScrubInbox = """
        UPDATE inbox SET payload = '{}', user_id = 'forgotten'
        WHERE platform = @Platform AND user_id = @UserId AND answered_at IS NOT NULL
        """;

    private const string StillUsed = """
        SELECT EXISTS (SELECT 1 FROM submissions WHERE file_sha256 = @sha)
            OR EXISTS (SELECT 1 FROM certificate_submissions WHERE file_sha256 = @sha)
        """;

    private const string Record = "INSERT INTO audit_log (cohort_id, actor, action, subject, before, after, at) VALUES (@CohortId, @Actor, @Action, @Subject, @Before, @After, @At)";

    public async Task<ForgetOutcome> ForgetAsync(long cohortId, long participantId, string actor, string requestedBy, DateTimeOffset now, CancellationToken ct)
    {
        var (rows, shas) = await connections.InTransactionAsync(async (db, tx) =>
        {
            var args = new { id = participantId };
            var person = await db.QuerySingleAsync<(string DisplayName, string? Email)>(Person, args, tx);
            var identities = (await db.QueryAsync<(string Platform, string UserId)>(Identities, args, tx)).ToList();
            var shas = (await db.QueryAsync<string>(Files, args, tx)).ToList();
            var changed = 0;
            foreach (var text in new[] { person.DisplayName, person.Email }.Concat(identities.Select(i => i.UserId)).OfType<string>().Where(s => s.Length >= 3))
            {
                changed += await db.ExecuteAsync(connections.Sql(ScrubAudit, ScrubAuditPostgres), new { cohortId, text }, tx);
            }

            foreach (var identity in identities)
            {
                changed += await db.ExecuteAsync(ScrubInbox, new { identity.Platform, identity.UserId }, tx);
                changed += await db.ExecuteAsync(ScrubActor, new { actor = identity.Platform + ":" + identity.UserId }, tx);
            }

            changed += await db.ExecuteAsync(Erase, new
            {
                id = participantId,
                forgotten = ForgottenProof,
                recipient = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@%",
                subject = "participant:" + participantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, tx);
            var forgetter = requestedBy == "self" ? "forgotten" : actor;
            await db.ExecuteAsync(Record, new
            {
                CohortId = cohortId, Actor = forgetter, Action = "participant.forget",
                Subject = "participant:" + participantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Before = (string?)null,
                After = AuditState.Json(new { requested_by = requestedBy, proofs = shas.Count }),
                At = Instants.ToDb(now),
            }, tx);
            return (changed, shas);
        }, ct);

        // After the commit: a file goes only when no row (anyone's, the same bytes) still names it.
        var deleted = 0;
        await using var reader = await connections.OpenAsync(ct);
        foreach (var sha in shas)
        {
            if (!await reader.ExecuteScalarAsync<bool>(new CommandDefinition(StillUsed, new { sha }, cancellationToken: ct)) && files.Delete(sha))
            {
                deleted++;
            }
        }

        return new ForgetOutcome(rows, deleted);
    }
}
