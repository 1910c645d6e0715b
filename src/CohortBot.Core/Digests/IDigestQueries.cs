namespace CohortBot.Core.Digests;

/// <summary>The organizer digest's numbers, each one query. "Submitted" means the latest proof is not rejected.</summary>
public interface IDigestQueries
{
    Task<int> ActiveParticipantsAsync(long cohortId, CancellationToken ct);

    /// <summary>Display names of active participants without a (non-rejected) proof for the week, by name.</summary>
    Task<IReadOnlyList<string>> MissingAsync(long cohortId, long weekId, CancellationToken ct);

    /// <summary>Those missing both weeks.</summary>
    Task<IReadOnlyList<string>> MissingBothAsync(long cohortId, long weekId, long previousWeekId, CancellationToken ct);

    Task<ReviewBacklog> ReviewBacklogAsync(long cohortId, CancellationToken ct);

    Task<CertificateTally> CertificatesAsync(long cohortId, CancellationToken ct);
}

/// <summary>Latest proofs and certificates waiting for an organizer's review.</summary>
public sealed record ReviewBacklog(int WeeklyPending, int CertificatesPending);

/// <summary>Active participants by the state of their latest certificate submission.</summary>
public sealed record CertificateTally(int Approved, int Pending, int Rejected, int None);
