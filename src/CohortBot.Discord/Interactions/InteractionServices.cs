using CohortBot.Core.Commands;
using CohortBot.Core.Inbound;
using CohortBot.Core.Messages;
using CohortBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Interactions;

/// <summary>
/// What every interaction conversation uses, and the restorer that rebuilds one from the inbox
/// (after a restart, or when the queue overflowed) so it can still be answered.
/// </summary>
public sealed partial class InteractionServices(
    InvocationMapper mapper,
    InteractionResponder responder,
    CommandRunner runner,
    DiscordChatPlatform platform,
    MessageCatalogue messages,
    IOptions<DiscordOptions> options,
    ILogger<InteractionServices> logger) : IInboundRestorer
{
    public const string Kind = "interaction";

    public string Platform => DiscordChatPlatform.PlatformKey;

    public InvocationMapper Mapper => mapper;

    public InteractionResponder Responder => responder;

    public CommandRunner Runner => runner;

    public DiscordChatPlatform Chat => platform;

    public MessageCatalogue Messages => messages;

    public TimeSpan DeferAfter => options.Value.DeferAfter;

    internal InteractionConversation Conversation(DiscordInteraction interaction, string payload, DateTimeOffset receivedAt) =>
        new(interaction, payload, receivedAt, restored: false, this);

    public IInboundConversation? Restore(InboxEntry entry)
    {
        var interaction = DiscordInteraction.Parse(entry.Payload);
        if (interaction is null || entry.Kind != Kind)
        {
            LogUnreadable(entry.DeliveryId);
            return null;
        }

        return new InteractionConversation(interaction, entry.Payload, entry.ReceivedAt, restored: true, this) { Entry = entry };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction of type {Type} could not be read as a command")]
    internal partial void LogUnmappable(int type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox entry {DeliveryId} is not a readable interaction")]
    private partial void LogUnreadable(string deliveryId);
}
