namespace CohortBot.Core.Events;

/// <summary>How full an event is.</summary>
public sealed record EventSeats(long EventId, int Going, int Waitlisted);
