namespace CohortBot.Core.Digests;

/// <summary>
/// The organizer digest's cohort-wide counts, each one query. Who is missing a week is not here:
/// that depends on each participant's own deadlines, which Core decides (<see cref="Deadlines.OwnWeek"/>).
/// </summary>
public interface IDigestQueries
{
    Task<ReviewBacklog> ReviewBacklogAsync(long cohortId, CancellationToken ct);

    Task<CertificateTally> CertificatesAsync(long cohortId, CancellationToken ct);
}

/// <summary>Latest proofs and certificates waiting for an organizer's review.</summary>
public sealed record ReviewBacklog(int WeeklyPending, int CertificatesPending);

/// <summary>Active participants by the state of their latest certificate submission.</summary>
public sealed record CertificateTally(int Approved, int Pending, int Rejected, int None);
