using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;

namespace CohortBot.Storage.Submissions;

/// <summary>A certificate submission row.</summary>
internal sealed class CertificateSubmissionRow
{
    public long Id { get; init; }

    public long ParticipantId { get; init; }

    public string CertificateKey { get; init; } = "";

    public long Attempt { get; init; }

    public long SubmittedAt { get; init; }

    public string Url { get; init; } = "";

    public string? FileSha256 { get; init; }

    public string? FileContentType { get; init; }

    public long? FileSize { get; init; }

    public long IsLate { get; init; }

    public string Status { get; init; } = "pending";

    public string? ReviewReason { get; init; }

    public CertificateSubmission ToDomain() => new(Id, ParticipantId, CertificateKey, (int)Attempt, Instants.FromDb(SubmittedAt), Url,
        SubmissionStore.File(FileSha256, FileContentType, FileSize), IsLate != 0, SubmissionStore.Status(Status), ReviewReason);
}
