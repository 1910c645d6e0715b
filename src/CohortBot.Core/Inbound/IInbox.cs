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

    /// <summary>Counts a start-up's attempt to finish it (a delivery that keeps failing is given up).</summary>
    Task MarkAttemptAsync(InboxKey key, CancellationToken ct);

    /// <summary>Unanswered deliveries received at or before <paramref name="before"/>, oldest first, after <paramref name="after"/> (paging).</summary>
    Task<IReadOnlyList<InboxEntry>> UnansweredAsync(DateTimeOffset before, InboxEntry? after, int limit, CancellationToken ct);

    /// <summary>Deletes answered deliveries received before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct);
}
