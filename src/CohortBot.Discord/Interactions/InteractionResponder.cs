using CohortBot.Core.Commands;
using CohortBot.Discord.Rendering;
using CohortBot.Discord.Rest;
using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Interactions;

/// <summary>Answers interactions over HTTP, as Discord requires even for gateway-delivered ones.</summary>
public sealed class InteractionResponder(DiscordRestClient rest)
{
    private static readonly DiscordJsonContext Json = DiscordJson.Context;

    /// <summary>Callback type 4: the answer itself, inside the 3-second window.</summary>
    public Task MessageAsync(DiscordInteraction interaction, MessageData message, CancellationToken ct) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse<MessageData>(InteractionCallbackType.ChannelMessageWithSource, message), Json.InteractionResponseMessageData, ct);

    /// <summary>Callback type 5: "thinking…", answered later by editing the original.</summary>
    public Task DeferAsync(DiscordInteraction interaction, bool ephemeral, CancellationToken ct) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse<MessageData>(InteractionCallbackType.DeferredChannelMessageWithSource, MessageRenderer.Deferral(ephemeral)), Json.InteractionResponseMessageData, ct);

    /// <summary>Callback type 9.</summary>
    public Task ModalAsync(DiscordInteraction interaction, ModalData? modal, CancellationToken ct) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse<ModalData>(InteractionCallbackType.Modal, modal), Json.InteractionResponseModalData, ct);

    /// <summary>Callback type 8.</summary>
    public Task AutocompleteAsync(DiscordInteraction interaction, IReadOnlyList<CommandOptionChoice> choices, CancellationToken ct) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse<AutocompleteData>(InteractionCallbackType.ApplicationCommandAutocompleteResult, new AutocompleteData(choices)), Json.InteractionResponseAutocompleteData, ct);

    /// <summary>Replaces the deferred "thinking…" message with the real answer (token valid 15 minutes).</summary>
    public Task EditOriginalAsync(DiscordInteraction interaction, MessageData message, IReadOnlyList<ReplyFile> files, CancellationToken ct) =>
        rest.EditOriginalResponseAsync(interaction.Token, message, files, ct);
}
