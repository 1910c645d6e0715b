namespace CohortBot.Core.Reviews;

/// <summary>
/// Proof images are stored by SHA-256, so the same image sent twice is the same hash: this finds
/// the other submissions of a proof's image — another participant's, or the same participant's
/// for another week or for the certificate (an earlier attempt at the same week is not a duplicate).
/// </summary>
public interface IDuplicateProofs
{
    /// <summary>Up to <paramref name="limit"/> other submissions of <paramref name="proof"/>'s cohort with the image <paramref name="sha256"/>, oldest first.</summary>
    Task<IReadOnlyList<DuplicateProof>> SameImageAsync(ProofRef proof, string sha256, int limit, CancellationToken ct);
}

/// <summary>Another submission of the same image.</summary>
/// <param name="WeekNumber">Its week; null for a certificate.</param>
public sealed record DuplicateProof(ProofRef Proof, long ParticipantId, string ParticipantName, string? ParticipantHandle, int? WeekNumber, string? CertificateKey, DateTimeOffset SubmittedAt);
