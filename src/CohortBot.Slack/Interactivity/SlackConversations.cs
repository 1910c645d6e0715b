using CohortBot.Core.Inbound;
using CohortBot.Slack.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// What every Slack conversation uses, and the restorer that rebuilds one from the inbox (after a
/// restart, or when the queue overflowed) so it can still be answered.
/// </summary>
internal sealed partial class SlackConversations(
    SlashCommandHandler slash,
    BlockActionHandler actions,
    ViewSubmissionHandler views,
    ReplyDelivery delivery,
    SlackProfiles profiles,
    IOptions<SlackOptions> options,
    ILogger<SlackConversations> logger) : IInboundRestorer
{
    public string Platform => SlackPlatform.Name;

    public SlashCommandHandler Slash => slash;

    public BlockActionHandler Actions => actions;

    public ViewSubmissionHandler Views => views;

    public ReplyDelivery Delivery => delivery;

    public SlackProfiles Profiles => profiles;

    public TimeSpan AckBudget => options.Value.AckBudget;

    public IInboundConversation? Restore(InboxEntry entry)
    {
        var request = InboundRequest.FromInboxPayload(entry.Payload);
        if (request is null)
        {
            LogUnreadable(entry.DeliveryId);
            return null;
        }

        return new SlackConversation(request, ack: null, entry.ReceivedAt, restored: true, this) { Entry = entry };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox entry {DeliveryId} is not a readable Slack delivery")]
    private partial void LogUnreadable(string deliveryId);
}
