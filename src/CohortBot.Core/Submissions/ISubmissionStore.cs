namespace CohortBot.Core.Submissions;

/// <summary>Weekly proofs and certificate submissions, with their history.</summary>
public interface ISubmissionStore
{
    /// <summary>Commits the proof; the caller tells the user only after this returns.</summary>
    Task<Submission> RecordWeeklyAsync(NewSubmission submission, CancellationToken ct);

    /// <summary>The latest proof per week for one participant.</summary>
    Task<IReadOnlyList<Submission>> LatestWeeklyAsync(long participantId, CancellationToken ct);

    Task<CertificateSubmission> RecordCertificateAsync(NewCertificateSubmission submission, CancellationToken ct);

    Task<CertificateSubmission?> LatestCertificateAsync(long participantId, CancellationToken ct);
}
