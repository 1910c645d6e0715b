using CohortBot.Core.Inbound;
using CohortBot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// Where every Slack delivery enters, from either transport: it is wrapped as a
/// <see cref="SlackConversation"/> and handed to the adapter runtime, which acknowledges it in
/// time and answers it once.
/// </summary>
internal sealed partial class SlackInbound(InboundRuntime runtime, SlackConversations conversations, TimeProvider clock, ILogger<SlackInbound> logger)
{
    /// <summary>Takes a delivery and returns at once; <paramref name="ack"/> is called exactly once, in time.</summary>
    public void Receive(InboundRequest request, Func<AckPayload?, Task> ack)
    {
        var receivedAt = clock.GetUtcNow();
        if (request.DeliveryId is null || request.UserId is null)
        {
            LogUnidentified(request.Type);
            _ = ack(null);
            return;
        }

        runtime.Receive(new SlackConversation(request, ack, receivedAt, restored: false, conversations));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledged a Slack {Type} delivery with no user or id to answer; not handled")]
    private partial void LogUnidentified(string type);
}
