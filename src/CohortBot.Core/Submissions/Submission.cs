namespace CohortBot.Core.Submissions;

/// <summary>One weekly proof. Resubmitting adds a new one (higher <see cref="Attempt"/>); the latest counts.</summary>
public sealed record Submission(
    long Id,
    long ParticipantId,
    long WeekId,
    int WeekNumber,
    int Attempt,
    DateTimeOffset SubmittedAt,
    string? Url,
    ProofFile? File,
    string? Note,
    bool IsLate,
    ReviewStatus Status,
    string? ReviewReason);

public sealed record NewSubmission(long CohortId, long ParticipantId, long WeekId, DateTimeOffset SubmittedAt, string? Url, ProofFile? File, string? Note, bool IsLate)
{
    /// <summary>
    /// Approved as it is recorded (a link on an allow-listed domain), in the same transaction as the
    /// proof and its audit entry: there is never a pending proof that was meant to be approved.
    /// </summary>
    public bool AutoApprove { get; init; }
}
