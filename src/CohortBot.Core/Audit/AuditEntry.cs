namespace CohortBot.Core.Audit;

/// <summary>One organizer action: who (<c>platform:user</c>), what, on what, and the state before and after (JSON).</summary>
public sealed record AuditEntry(long CohortId, string Actor, string Action, string Subject, string? Before, string? After, DateTimeOffset At)
{
    public long Id { get; init; }
}
