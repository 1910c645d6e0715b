using CohortBot.Core.Commands;
using CohortBot.Core.Inbound;
using CohortBot.Discord.Rendering;
using CohortBot.Discord.Rest;
using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Interactions;

/// <summary>
/// One interaction as the adapter runtime sees it. What Discord makes special: the answer inside
/// the window is the interaction callback (a message, or a modal when the reply has a form), the
/// deferral is callback type 5, a later answer edits the deferred message through the webhook
/// (valid 15 minutes), and a repeat needs no answer at all.
/// </summary>
internal sealed class InteractionConversation(DiscordInteraction interaction, string payload, DateTimeOffset receivedAt, bool restored, InteractionServices services)
    : IInboundConversation
{
    /// <summary>An interaction token lives 15 minutes; a little is kept back for the request itself.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14.5);

    /// <summary>Discord's 3 s for the first response, less what the request itself needs.</summary>
    private static readonly TimeSpan AckWindow = TimeSpan.FromSeconds(2.5);

    public InboxKey Key { get; } = new(DiscordChatPlatform.PlatformKey, interaction.Id);

    public DateTimeOffset ReceivedAt => receivedAt;

    public DateTimeOffset DeferAt => receivedAt + services.DeferAfter;

    public DateTimeOffset AckBy => receivedAt + AckWindow;

    public DateTimeOffset AnswerBy => receivedAt + TokenLifetime;

    public string? Locale => interaction.User.Locale;

    public InboxEntry? Entry { get; init; } = new(DiscordChatPlatform.PlatformKey, interaction.Id, InteractionServices.Kind, interaction.User.UserId, payload, receivedAt);

    public bool Restored => restored;

    public async Task<Reply?> RunAsync(CancellationToken ct)
    {
        var invocation = await services.Mapper.MapAsync(interaction, ct);
        if (invocation is null)
        {
            services.LogUnmappable((int)interaction.Type);
            return Reply.Error(services.Messages.For(interaction.User.Locale)["command.unknown", new { command = "?", commands = string.Join(", ", Catalogue.All.Where(c => !c.OrganizerOnly).Select(c => "/" + c.Name)) }]);
        }

        return await services.Runner.RunAsync(invocation with { ReceivedAt = receivedAt }, ct);
    }

    public async Task AnswerNowAsync(Reply? reply, CancellationToken ct)
    {
        reply ??= new Reply(string.Empty);
        var responder = services.Responder;
        var modal = reply.Form is not null && interaction.Type != InteractionType.ModalSubmit ? ModalRenderer.Render(reply.Form) : null;
        if (modal is not null)
        {
            await responder.ModalAsync(interaction, modal, ct);
        }
        else if (reply.Files.Count > 0)
        {
            // Files need a multipart body; deferring and editing carries them.
            await responder.DeferAsync(interaction, reply.Ephemeral, ct);
            await responder.EditOriginalAsync(interaction, MessageRenderer.Render(reply, allowEphemeral: false), reply.Files, ct);
        }
        else
        {
            // A form no modal can show (only file fields) is answered with its text, which says how to type the command.
            await responder.MessageAsync(interaction, MessageRenderer.Render(reply, allowEphemeral: true), ct);
        }
    }

    public Task DeferAsync(CancellationToken ct) => services.Responder.DeferAsync(interaction, ephemeral: true, ct);

    public Task AnswerLaterAsync(Reply? reply, CancellationToken ct) =>
        reply is null ? Task.CompletedTask : services.Responder.EditOriginalAsync(interaction, MessageRenderer.Render(reply, allowEphemeral: false), reply.Files, ct);

    public Task AnswerDirectlyAsync(Reply reply, CancellationToken ct) =>
        services.Chat.SendDirectAsync(interaction.User.UserId, reply with { Form = null }, ct);

    /// <summary>Discord does not resend an interaction that was answered; nothing to say to a repeat.</summary>
    public Task AcknowledgeRepeatAsync(CancellationToken ct) => Task.CompletedTask;
}
