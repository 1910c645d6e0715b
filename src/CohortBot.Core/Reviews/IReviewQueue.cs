namespace CohortBot.Core.Reviews;

/// <summary>Pending proofs handed out to reviewers one at a time, each under a lease.</summary>
public interface IReviewQueue
{
    /// <summary>
    /// In one write transaction: the caller's own unexpired claim if they hold one, else the oldest
    /// pending latest-attempt proof nobody holds, claimed until <c>now + lease</c>. Null when the
    /// queue is empty for the caller.
    /// </summary>
    Task<ReviewItem?> ClaimNextAsync(long cohortId, int? week, string reviewer, DateTimeOffset now, TimeSpan lease, CancellationToken ct);

    /// <summary>
    /// Records the decision if the proof is still pending, is the latest attempt, and is not held
    /// by someone else's unexpired claim; otherwise changes nothing and says why. The audit entry
    /// <paramref name="audit"/> makes of the decided item commits in the same transaction.
    /// </summary>
    Task<ReviewResult> DecideAsync(long cohortId, ProofRef proof, ReviewDecision decision, Func<ReviewItem, Audit.AuditEntry>? audit, CancellationToken ct);

    /// <summary>Pending latest-attempt proofs not held by anyone else, for "n left" in the reply.</summary>
    Task<int> PendingCountAsync(long cohortId, int? week, string reviewer, DateTimeOffset now, CancellationToken ct);
}
