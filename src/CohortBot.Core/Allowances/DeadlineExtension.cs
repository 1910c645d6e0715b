namespace CohortBot.Core.Allowances;

/// <summary>One participant's own deadline for a week (or, with <paramref name="WeekId"/> null, the certificate).</summary>
public sealed record DeadlineExtension(long ParticipantId, long? WeekId, DateTimeOffset DueAt);
