namespace CohortBot.Core.Exports;

/// <summary>One submission attempt, weekly or certificate, for the submissions export.</summary>
/// <param name="Proof">The proof id reviewers use (w12, c5).</param>
/// <param name="ProofPath">The stored image, relative to <c>Storage:ProofDirectory</c>; null for link-only proofs.</param>
public sealed record SubmissionExportRow(
    string Proof,
    long ParticipantId,
    string Name,
    string? Email,
    int? Week,
    string? Certificate,
    int Attempt,
    DateTimeOffset SubmittedAt,
    bool IsLate,
    string? Url,
    string? ProofPath,
    string? ProofContentType,
    string Status,
    string? ReviewReason,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt);
