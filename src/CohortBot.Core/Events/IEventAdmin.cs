namespace CohortBot.Core.Events;

/// <summary>
/// Events created, edited or cancelled in chat. Every event written here is marked as the
/// organizers' (source <c>chat</c>): the cohort file sync no longer touches it.
/// </summary>
/// <remarks>Each change takes an <c>audit</c> function: the entry it makes of the outcome commits with the change (none when it returns null).</remarks>
public interface IEventAdmin
{
    /// <summary>False when the key is already used in the cohort.</summary>
    Task<bool> CreateAsync(long cohortId, string key, EventDraft draft, DateTimeOffset now, Func<bool, Audit.AuditEntry?>? audit, CancellationToken ct);

    /// <summary>
    /// Replaces every field and the speakers, and gives seats a raised capacity freed to the people
    /// waiting, in one transaction; null when there is no such event.
    /// </summary>
    Task<EventUpdate?> UpdateAsync(long cohortId, string key, EventDraft draft, DateTimeOffset now, Func<EventUpdate?, Audit.AuditEntry?>? audit, CancellationToken ct);

    /// <summary>False when there is no such event or it was already cancelled.</summary>
    Task<bool> CancelAsync(long cohortId, string key, DateTimeOffset now, Func<bool, Audit.AuditEntry?>? audit, CancellationToken ct);

    /// <summary>Participants going or waitlisted, to tell them about a change.</summary>
    Task<IReadOnlyList<long>> ReservedByAsync(long eventId, CancellationToken ct);
}
