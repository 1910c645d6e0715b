using CohortBot.Core.Audit;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Audit;

/// <summary>
/// A participant's audit trail for the dashboard: entries whose subject is the participant
/// (<c>participant:12</c>) or one of their proofs (<c>w7</c>, <c>c3</c>, every attempt).
/// </summary>
public sealed class ParticipantAuditQuery(SqliteConnectionFactory connections) : IParticipantAudit
{
    private const string SelectAbout = """
        SELECT id, cohort_id, actor, action, subject, before, after, at
        FROM audit_log
        WHERE cohort_id = @cohortId
          AND (subject = 'participant:' || @participantId
               OR subject IN (SELECT 'w' || id FROM submissions WHERE participant_id = @participantId)
               OR subject IN (SELECT 'c' || id FROM certificate_submissions WHERE participant_id = @participantId))
        ORDER BY at DESC, id DESC
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<AuditEntry>> AboutAsync(long cohortId, long participantId, int limit, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(long Id, long CohortId, string Actor, string Action, string Subject, string? Before, string? After, long At)>(
            new CommandDefinition(SelectAbout, new { cohortId, participantId = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture), limit }, cancellationToken: ct));
        return rows.Select(r => new AuditEntry(r.CohortId, r.Actor, r.Action, r.Subject, r.Before, r.After, Instants.FromDb(r.At)) { Id = r.Id }).ToList();
    }
}
