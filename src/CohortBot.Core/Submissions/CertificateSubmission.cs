namespace CohortBot.Core.Submissions;

/// <summary>A submitted certificate: which one, the credential link, an optional image.</summary>
public sealed record CertificateSubmission(
    long Id,
    long ParticipantId,
    string CertificateKey,
    int Attempt,
    DateTimeOffset SubmittedAt,
    string Url,
    ProofFile? File,
    bool IsLate,
    ReviewStatus Status,
    string? ReviewReason);

public sealed record NewCertificateSubmission(long CohortId, long ParticipantId, string CertificateKey, DateTimeOffset SubmittedAt, string Url, ProofFile? File, bool IsLate);
