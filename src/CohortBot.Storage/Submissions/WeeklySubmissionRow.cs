using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;

namespace CohortBot.Storage.Submissions;

/// <summary>A weekly proof row as selected with <c>s.*</c> joined to its week (<c>w.number AS week_number</c>).</summary>
internal sealed class WeeklySubmissionRow
{
    public long Id { get; init; }

    public long ParticipantId { get; init; }

    public long WeekId { get; init; }

    public long WeekNumber { get; init; }

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

    public Submission ToDomain() => new(Id, ParticipantId, WeekId, (int)WeekNumber, (int)Attempt, Instants.FromDb(SubmittedAt), Url,
        SubmissionStore.File(FileSha256, FileContentType, FileSize), Note, IsLate != 0, SubmissionStore.Status(Status), ReviewReason);
}
