using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Interactions;

/// <summary>Answers interactions over HTTP, as Discord requires even for gateway-delivered ones.</summary>
public sealed class InteractionResponder(DiscordRestClient rest, IOptions<DiscordOptions> options)
{
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;

    public Task CallbackAsync(DiscordInteraction interaction, int type, JsonObject? data, CancellationToken ct)
    {
        var body = new JsonObject { ["type"] = type };
        if (data is not null)
        {
            body["data"] = data;
        }

        return rest.SendAsync(HttpMethod.Post, $"/interactions/{interaction.Id}/{Uri.EscapeDataString(interaction.Token)}/callback", body, ct);
    }

    /// <summary>Replaces the deferred "thinking…" message with the real answer (token valid 15 minutes).</summary>
    public Task EditOriginalAsync(DiscordInteraction interaction, JsonObject message, IReadOnlyList<ReplyFile> files, CancellationToken ct) =>
        rest.SendAsync(HttpMethod.Patch, $"/webhooks/{options.Value.ApplicationId}/{Uri.EscapeDataString(interaction.Token)}/messages/@original", message, ct, files);
}
