using CohortBot.Core.Reviews;

namespace CohortBot.Core.Digests;

/// <summary>
/// The organizer digest's cohort-wide counts, each one query. Who is missing a week is not here:
/// that depends on each participant's own deadlines, which Core decides (<see cref="Deadlines.OwnWeek"/>).
/// </summary>
public interface IDigestQueries
{
    Task<ReviewBacklog> ReviewBacklogAsync(long cohortId, CancellationToken ct);

    Task<CertificateTally> CertificatesAsync(long cohortId, CancellationToken ct);

    /// <summary>Events not cancelled that started in [<paramref name="from"/>, <paramref name="to"/>), with RSVPs and check-ins.</summary>
    Task<IReadOnlyList<EventAttendance>> AttendanceAsync(long cohortId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

/// <summary>Latest proofs and certificates waiting for an organizer's review, and the one waiting longest.</summary>
public sealed record ReviewBacklog(int WeeklyPending, int CertificatesPending)
{
    public OldestPending? Oldest { get; init; }
}

/// <summary>The proof that has waited longest for a review.</summary>
public sealed record OldestPending(ProofRef Proof, long ParticipantId, DateTimeOffset SubmittedAt);

/// <summary>Active participants by the state of their latest certificate submission.</summary>
public sealed record CertificateTally(int Approved, int Pending, int Rejected, int None);

/// <summary>A past event: how many said they were going, how many checked in.</summary>
public sealed record EventAttendance(string Key, string Title, DateTimeOffset StartsAt, int Going, int Attended);
