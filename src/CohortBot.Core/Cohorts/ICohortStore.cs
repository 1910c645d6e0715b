namespace CohortBot.Core.Cohorts;

/// <summary>Cohort definitions as stored, and their sync from the cohort file.</summary>
public interface ICohortStore
{
    Task<Cohort?> FindAsync(string slug, CancellationToken ct);

    Task<IReadOnlyList<Week>> WeeksAsync(long cohortId, CancellationToken ct);

    Task<IReadOnlyList<CertificateType>> CertificateTypesAsync(long cohortId, CancellationToken ct);

    /// <summary>
    /// Makes the stored cohort match <paramref name="definition"/>: inserts new rows, updates
    /// changed ones, never duplicates, and never deletes anything participants have submitted.
    /// </summary>
    Task<CohortSyncResult> SyncAsync(CohortDefinition definition, DateTimeOffset now, CancellationToken ct);
}

/// <summary>What a sync changed, for the start-up log line.</summary>
public sealed record CohortSyncResult(long CohortId, int WeeksAdded, int WeeksUpdated, int EventsAdded, int EventsUpdated, int EventsCancelled, int RosterAdded);
