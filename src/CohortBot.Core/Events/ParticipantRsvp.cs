namespace CohortBot.Core.Events;

/// <summary>An event a participant reserved (<see cref="Status"/>) or attended, or both.</summary>
public sealed record ParticipantRsvp(CohortEvent Event, RsvpStatus? Status, int? WaitlistPosition, bool Attended);
