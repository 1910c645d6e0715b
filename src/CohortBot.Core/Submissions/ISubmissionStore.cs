namespace CohortBot.Core.Submissions;

/// <summary>Weekly proofs and certificate submissions, with their history.</summary>
public interface ISubmissionStore
{
    /// <summary>
    /// Commits the proof — and, when <see cref="NewSubmission.AutoApprove"/> is set, its approval by
    /// <c>auto</c> and the audit entry of <see cref="Reviews.AutoApproval.AuditOf"/> — in one
    /// transaction; the caller tells the user only after this returns.
    /// </summary>
    Task<Submission> RecordWeeklyAsync(NewSubmission submission, CancellationToken ct);

    /// <summary>The latest proof per week for one participant.</summary>
    Task<IReadOnlyList<Submission>> LatestWeeklyAsync(long participantId, CancellationToken ct);

    Task<CertificateSubmission> RecordCertificateAsync(NewCertificateSubmission submission, CancellationToken ct);

    Task<CertificateSubmission?> LatestCertificateAsync(long participantId, CancellationToken ct);
}
