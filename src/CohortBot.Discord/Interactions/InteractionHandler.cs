using System.Text.Json;
using CohortBot.Core.Inbound;
using CohortBot.Discord.Wire;
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
    /// <summary>Takes an interaction (the raw <c>d</c> of INTERACTION_CREATE, or the HTTP body) and returns at once.</summary>
    public void Dispatch(JsonElement payload)
    {
        var receivedAt = clock.GetUtcNow();
        var interaction = DiscordJson.TryParse(payload, DiscordJson.Context.Interaction, out var wire) ? DiscordInteraction.From(wire) : null;
        if (interaction is null)
        {
            LogMalformed();
            return;
        }

        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommandAutocomplete:
                autocomplete.Start(interaction);
                break;
            case InteractionType.ApplicationCommand or InteractionType.MessageComponent or InteractionType.ModalSubmit:
                // The raw payload goes to the inbox: a restart rebuilds the interaction from exactly what Discord sent.
                runtime.Receive(services.Conversation(interaction, payload.GetRawText(), receivedAt));
                break;
            default:
                LogIgnored((int)interaction.Type);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed interaction payload")]
    private partial void LogMalformed();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored interaction of type {Type}")]
    private partial void LogIgnored(int type);
}
