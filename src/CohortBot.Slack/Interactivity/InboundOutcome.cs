using System.Text.Json.Nodes;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// What to do with a handled delivery. If it finished within the ack budget and the transport
/// accepts it, <see cref="AckPayload"/> goes with the acknowledgement and then <see cref="OnTime"/>
/// runs; otherwise the acknowledgement goes empty and <see cref="Late"/> delivers the answer.
/// </summary>
internal sealed record InboundOutcome(JsonObject? AckPayload, Func<CancellationToken, Task>? OnTime, Func<CancellationToken, Task>? Late)
{
    public static readonly InboundOutcome Nothing = new(null, null, null);

    public static InboundOutcome Deliver(Func<CancellationToken, Task> deliver) => new(null, null, deliver);
}
