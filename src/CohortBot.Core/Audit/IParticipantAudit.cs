namespace CohortBot.Core.Audit;

/// <summary>The audit entries about one participant: changes to them and decisions on their proofs.</summary>
public interface IParticipantAudit
{
    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> AboutAsync(long cohortId, long participantId, int limit, CancellationToken ct);
}
