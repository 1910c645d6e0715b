namespace CohortBot.Core.Inbound;

/// <summary>
/// The durable inbox: every delivery the bot acknowledges is here before (or with) its
/// acknowledgement, until it has been answered. The mirror of the outbox for scheduled messages.
/// </summary>
public interface IInbox
{
    /// <summary>
    /// Records a new delivery; false when it is already there (a repeat that got past the in-memory
    /// check, e.g. after a restart). Completes once the row is durable.
    /// </summary>
    Task<bool> AcceptAsync(InboxEntry entry, CancellationToken ct);

    /// <summary>Marks a delivery answered, so no start-up finishes it again.</summary>
    Task MarkAnsweredAsync(InboxKey key, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Makes this process the one that finishes <paramref name="entry"/> and counts the attempt (a
    /// delivery that keeps failing is given up). False when another process took it since it was read.
    /// </summary>
    Task<bool> TakeAsync(InboxEntry entry, CancellationToken ct);

    /// <summary>
    /// Unanswered deliveries received at or before <paramref name="before"/>, oldest first, after
    /// <paramref name="after"/> (paging), that this process may finish: its own, and those of processes
    /// that are gone. Several instances share the inbox on PostgreSQL; one never takes what another
    /// that still runs is answering.
    /// </summary>
    Task<IReadOnlyList<InboxEntry>> UnansweredAsync(DateTimeOffset before, InboxEntry? after, int limit, CancellationToken ct);

    /// <summary>Deletes answered deliveries received before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct);
}
