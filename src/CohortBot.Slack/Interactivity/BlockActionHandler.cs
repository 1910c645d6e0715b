using CohortBot.Core.Commands;
using CohortBot.Slack.Commands;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// A pressed button: its action_id is a <see cref="ButtonAction"/>, run as the presser. The
/// acknowledgement carries nothing for block_actions, so the answer goes by response_url, or
/// opens a modal when the reply has a form (the "Submit week 3" button).
/// </summary>
internal sealed class BlockActionHandler(
    SlackProfiles users,
    CommandRunner runner,
    FormOpener forms,
    ReplyDelivery delivery)
{
    public async Task<InboundOutcome> HandleAsync(InteractionPayload payload, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var userId = SlashCommandHandler.NonEmpty(payload.User?.Id);
        var action = payload.Actions?.FirstOrDefault();
        if (userId is null || action is null)
        {
            return InboundOutcome.Nothing;
        }

        var channelId = payload.ChannelId;
        var responseUrl = SlashCommandHandler.NonEmpty(payload.ResponseUrl);
        var user = users.Resolve(userId, SlashCommandHandler.NonEmpty(payload.User?.Username));
        var encoded = action.ActionId;

        // An action id that is not a button of ours runs as an unknown command: the dispatcher
        // answers in the presser's language with the commands they may use.
        var invocation = ButtonAction.TryParse(encoded, out var button)
            ? new Invocation(button.Command, button.Options.ToDictionary(o => o.Key, o => (object?)o.Value, StringComparer.OrdinalIgnoreCase), user, channelId)
            : new Invocation(Clip(encoded), new Dictionary<string, object?>(), user, channelId);
        var reply = await runner.RunAsync(invocation with { ReceivedAt = receivedAt }, ct);

        if (await forms.TryOpenAsync(reply, SlashCommandHandler.NonEmpty(payload.TriggerId), receivedAt, channelId, responseUrl, ct))
        {
            return InboundOutcome.Nothing;
        }

        return InboundOutcome.Deliver(reply, token => delivery.DeliverAsync(reply, userId, channelId, responseUrl, token));
    }

    private static string Clip(string? text) => text is null ? string.Empty : text.Length <= 32 ? text : text[..32] + "…";
}
