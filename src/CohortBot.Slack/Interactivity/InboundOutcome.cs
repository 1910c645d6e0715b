using CohortBot.Core.Commands;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// What to do with a handled delivery. If it finished within the acknowledgement budget and the
/// transport accepts it, <see cref="AckPayload"/> goes with the acknowledgement and then
/// <see cref="OnTime"/> runs; otherwise the acknowledgement goes empty and <see cref="Late"/>
/// delivers the answer. <see cref="Reply"/> is what a direct message says when nothing else can.
/// </summary>
internal sealed record InboundOutcome(Reply? Reply, AckPayload? AckPayload, Func<CancellationToken, Task>? OnTime, Func<CancellationToken, Task>? Late)
{
    /// <summary>Nothing to answer (nothing to run, or the reply opened a modal).</summary>
    public static readonly InboundOutcome Nothing = new(null, null, null, null);

    public static InboundOutcome Deliver(Reply reply, Func<CancellationToken, Task> deliver) => new(reply, null, null, deliver);
}
