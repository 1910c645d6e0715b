namespace CohortBot.Core.Audit;

/// <summary>The append-only record of organizer actions.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(long cohortId, int limit, CancellationToken ct);
}
