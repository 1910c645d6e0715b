namespace CohortBot.Core.Inbound;

/// <summary>
/// A delivery as the inbox keeps it: enough to finish it after a restart.
/// </summary>
/// <param name="Platform">Platform key (<c>discord</c>, <c>slack</c>).</param>
/// <param name="DeliveryId">The platform's id for this delivery (interaction id, envelope or trigger id).</param>
/// <param name="Kind">What the adapter needs to rebuild it (e.g. <c>interaction</c>, <c>slash_commands</c>).</param>
/// <param name="UserId">The platform user, for a direct message when every other way to answer has expired.</param>
/// <param name="Payload">The delivery as received (JSON).</param>
/// <param name="ReceivedAt">When the bot received it; its acknowledgement and answer windows start here.</param>
public sealed record InboxEntry(string Platform, string DeliveryId, string Kind, string UserId, string Payload, DateTimeOffset ReceivedAt)
{
    /// <summary>Set once the command's writes committed (in the same transaction); running it again would repeat them.</summary>
    public DateTimeOffset? ExecutedAt { get; init; }

    /// <summary>How many times a start-up has tried to finish it.</summary>
    public int Attempts { get; init; }

    /// <summary>The process (its run id) that has it: the one that received it, or took it over from one that is gone.</summary>
    public string? TakenBy { get; init; }

    public InboxKey Key => new(Platform, DeliveryId);
}
