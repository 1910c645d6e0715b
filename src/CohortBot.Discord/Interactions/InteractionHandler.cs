using System.Text.Json;
using CohortBot.Core.Inbound;
using Microsoft.Extensions.Logging;

namespace CohortBot.Discord.Interactions;

/// <summary>
/// Where every interaction enters, whether it came over the gateway or HTTP. It only reads the
/// payload and hands it on — the gateway's receive loop must keep reading (heartbeat ACKs) — to
/// the adapter runtime, which acknowledges or defers it within Discord's 3 seconds and answers it
/// once. Autocomplete is the exception: its answer cannot be deferred, so it is answered at once.
/// </summary>
public sealed partial class InteractionHandler(
    InboundRuntime runtime,
    AutocompleteResponder autocomplete,
    InteractionServices services,
    TimeProvider clock,
    ILogger<InteractionHandler> logger)
{
    /// <summary>Takes an interaction and returns at once.</summary>
    public void Dispatch(JsonElement payload)
    {
        var receivedAt = clock.GetUtcNow();
        var interaction = DiscordInteraction.TryParse(payload.Clone());
        if (interaction is null)
        {
            LogMalformed();
            return;
        }

        switch (interaction.Type)
        {
            case DiscordInteraction.Autocomplete:
                autocomplete.Start(interaction);
                break;
            case DiscordInteraction.ApplicationCommand or DiscordInteraction.MessageComponent or DiscordInteraction.ModalSubmit:
                runtime.Receive(services.Conversation(interaction, payload.GetRawText(), receivedAt));
                break;
            default:
                LogIgnored(interaction.Type);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed interaction payload")]
    private partial void LogMalformed();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored interaction of type {Type}")]
    private partial void LogIgnored(int type);
}
