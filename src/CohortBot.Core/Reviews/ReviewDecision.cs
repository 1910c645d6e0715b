namespace CohortBot.Core.Reviews;

/// <summary>An organizer's verdict on one proof; <see cref="Reason"/> is required for a rejection.</summary>
public sealed record ReviewDecision(bool Approve, string? Reason, string Reviewer, DateTimeOffset At);
