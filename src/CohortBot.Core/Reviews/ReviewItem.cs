using CohortBot.Core.Submissions;

namespace CohortBot.Core.Reviews;

/// <summary>A proof as a reviewer sees it, with the reviewer's claim on it.</summary>
/// <param name="WeekNumber">The week of a weekly proof; null for a certificate.</param>
/// <param name="CertificateKey">The certificate of a certificate proof; null for a weekly one.</param>
/// <param name="ResubmitBy">Until when the participant can still send a new proof (week close, certificate deadline).</param>
public sealed record ReviewItem(
    ProofRef Proof,
    long ParticipantId,
    string ParticipantName,
    int? WeekNumber,
    string? CertificateKey,
    int Attempt,
    DateTimeOffset SubmittedAt,
    string? Url,
    ProofFile? File,
    string? Note,
    bool IsLate,
    ReviewStatus Status,
    string? ReviewReason,
    string? ClaimedBy,
    DateTimeOffset? ClaimExpiresAt,
    DateTimeOffset? ResubmitBy)
{
    /// <summary>The participant's first platform account (<c>discord:…</c>), where the read filled it in.</summary>
    public string? ParticipantHandle { get; init; }

    /// <summary>Name, <c>#id</c> and handle: how organizers are shown who sent it.</summary>
    public string ParticipantLabel => Participants.ParticipantLabel.Of(ParticipantName, ParticipantId, ParticipantHandle);
}
