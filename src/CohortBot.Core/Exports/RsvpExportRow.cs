namespace CohortBot.Core.Exports;

/// <summary>One (event, participant) pair for the RSVP and attendance export.</summary>
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
