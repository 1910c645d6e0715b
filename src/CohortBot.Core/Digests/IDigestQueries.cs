using CohortBot.Core.Allowances;
using CohortBot.Core.Participants;
using CohortBot.Core.Reviews;

namespace CohortBot.Core.Digests;

/// <summary>
/// The organizer digest's figures, each computed by the database over the latest attempt of every
/// proof, reading only what the message and its CSV show. Who is missing a week is decided here in
/// Core (<see cref="DigestFacts.IsMissing"/> over <see cref="Deadlines.OwnWeek"/>): the store only
/// finds the people without a proof that counts, with what organizers granted them.
/// </summary>
public interface IDigestQueries
{
    Task<ReviewBacklog> ReviewBacklogAsync(long cohortId, CancellationToken ct);

    Task<CertificateTally> CertificatesAsync(long cohortId, CancellationToken ct);

    /// <summary>Events not cancelled that started in [<paramref name="from"/>, <paramref name="to"/>), with RSVPs and check-ins.</summary>
    Task<IReadOnlyList<EventAttendance>> AttendanceAsync(long cohortId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Active participants' numbers for each of <paramref name="weekIds"/>.</summary>
    Task<IReadOnlyList<WeekCounts>> WeekCountsAsync(long cohortId, IReadOnlyList<long> weekIds, CancellationToken ct);

    /// <summary>
    /// Active participants with no proof that counts (none, or the latest rejected) for the last of
    /// <paramref name="weekIdsInOrder"/>, each with the weeks before it, walking back in that order,
    /// for which they have none either.
    /// </summary>
    Task<IReadOnlyList<WithoutProof>> WithoutProofAsync(long cohortId, IReadOnlyList<long> weekIdsInOrder, CancellationToken ct);

    /// <summary>Active participants' latest weekly proofs, not rejected, whose image an earlier such proof already had.</summary>
    Task<IReadOnlyList<DuplicatePair>> DuplicatesAsync(long cohortId, CancellationToken ct);
}

/// <summary>Latest proofs and certificates waiting for an organizer's review, and the one waiting longest.</summary>
public sealed record ReviewBacklog(int WeeklyPending, int CertificatesPending)
{
    public OldestPending? Oldest { get; init; }
}

/// <summary>The proof that has waited longest for a review, with whom it is from.</summary>
public sealed record OldestPending(ProofRef Proof, long ParticipantId, string ParticipantName, string? ParticipantHandle, DateTimeOffset SubmittedAt);

/// <summary>Active participants by the state of their latest certificate submission.</summary>
public sealed record CertificateTally(int Approved, int Pending, int Rejected, int None);

/// <summary>A past event: how many said they were going, how many checked in.</summary>
public sealed record EventAttendance(string Key, string Title, DateTimeOffset StartsAt, int Going, int Attended);

/// <summary>
/// One week, over active participants: <paramref name="Expected"/> not excused from it; of those,
/// latest proofs that still count (not rejected), approved, and sent by the deadline.
/// </summary>
public sealed record WeekCounts(long WeekId, int Expected, int Submitted, int Approved, int OnTime);

/// <summary>
/// An active participant without a proof that counts for a run of weeks.
/// </summary>
/// <param name="WeekIds">The last week asked about, then each week before it without one, most recent first.</param>
/// <param name="Allowances">What organizers granted them for those weeks (the certificate's is not read).</param>
public sealed record WithoutProof(Participant Participant, IReadOnlyList<long> WeekIds, ParticipantAllowances Allowances);

/// <summary>A later latest proof and the earliest other one with the same image.</summary>
public sealed record DuplicatePair(Participant Participant, ListedProof Proof, Participant Other, ListedProof OtherProof);

/// <summary>A weekly proof as the digest names it.</summary>
public sealed record ListedProof(long Id, int WeekNumber, DateTimeOffset SubmittedAt);
