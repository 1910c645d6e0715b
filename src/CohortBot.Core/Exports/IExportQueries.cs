namespace CohortBot.Core.Exports;

/// <summary>Flat reads for the CSV exports: whole-cohort, every attempt, nothing filtered away.</summary>
public interface IExportQueries
{
    /// <summary>Platform ids per participant id.</summary>
    Task<ILookup<long, (string Platform, string UserId)>> IdentitiesAsync(long cohortId, CancellationToken ct);

    /// <summary>Every weekly and certificate submission, every attempt, oldest first.</summary>
    Task<IReadOnlyList<SubmissionExportRow>> SubmissionsAsync(long cohortId, CancellationToken ct);

    /// <summary>Every (event, participant) pair with an RSVP or an attendance, by event start then name.</summary>
    Task<IReadOnlyList<RsvpExportRow>> RsvpsAsync(long cohortId, CancellationToken ct);
}

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

/// <param name="RsvpStatus">going, waitlisted, cancelled, or null when the person attended without an RSVP.</param>
public sealed record RsvpExportRow(
    string EventKey,
    string EventTitle,
    string Kind,
    DateTimeOffset StartsAt,
    bool EventCancelled,
    long ParticipantId,
    string Name,
    string? Email,
    string? RsvpStatus,
    DateTimeOffset? RequestedAt,
    string? AttendanceSource,
    DateTimeOffset? AttendedAt);
