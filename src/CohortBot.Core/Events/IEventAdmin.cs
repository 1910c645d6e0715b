namespace CohortBot.Core.Events;

/// <summary>
/// Events created, edited or cancelled in chat. Every event written here is marked as the
/// organizers' (source <c>chat</c>): the cohort file sync no longer touches it.
/// </summary>
public interface IEventAdmin
{
    /// <summary>False when the key is already used in the cohort.</summary>
    Task<bool> CreateAsync(long cohortId, string key, EventDraft draft, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Replaces every field and the speakers, and gives seats a raised capacity freed to the people
    /// waiting, in one transaction; null when there is no such event.
    /// </summary>
    Task<EventUpdate?> UpdateAsync(long cohortId, string key, EventDraft draft, DateTimeOffset now, CancellationToken ct);

    /// <summary>False when there is no such event or it was already cancelled.</summary>
    Task<bool> CancelAsync(long cohortId, string key, DateTimeOffset now, CancellationToken ct);

    /// <summary>Participants going or waitlisted, to tell them about a change.</summary>
    Task<IReadOnlyList<long>> ReservedByAsync(long eventId, CancellationToken ct);
}
