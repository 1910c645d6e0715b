using CohortBot.Core.Reviews;
using CohortBot.Storage.Sqlite;
using CohortBot.Storage.Submissions;

namespace CohortBot.Storage.Reviews;

/// <summary>A proof row as the review queue reads it, weekly or certificate alike.</summary>
internal sealed class ReviewRow
{
    public long Id { get; init; }

    public long ParticipantId { get; init; }

    public string ParticipantName { get; init; } = "";

    public string? ParticipantHandle { get; init; }

    public long? WeekNumber { get; init; }

    public string? CertificateKey { get; init; }

    public long Attempt { get; init; }

    public long SubmittedAt { get; init; }

    public string? Url { get; init; }

    public string? FileSha256 { get; init; }

    public string? FileContentType { get; init; }

    public long? FileSize { get; init; }

    public string? Note { get; init; }

    public long IsLate { get; init; }

    public string Status { get; init; } = "pending";

    public string? ReviewReason { get; init; }

    public string? ClaimedBy { get; init; }

    public long? ClaimExpiresAt { get; init; }

    public long? ResubmitBy { get; init; }

    public long IsLatest { get; init; }

    public ReviewItem ToDomain(ProofKind kind) => new(
        new ProofRef(kind, Id), ParticipantId, ParticipantName, (int?)WeekNumber, CertificateKey, (int)Attempt,
        Instants.FromDb(SubmittedAt), Url, SubmissionStore.File(FileSha256, FileContentType, FileSize), Note, IsLate != 0,
        SubmissionStore.Status(Status), ReviewReason, ClaimedBy, Instants.FromDb(ClaimExpiresAt), Instants.FromDb(ResubmitBy))
    {
        ParticipantHandle = ParticipantHandle,
    };
}
