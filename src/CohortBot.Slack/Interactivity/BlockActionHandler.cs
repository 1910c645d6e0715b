using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Slack.Commands;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// A pressed button: its action_id is a <see cref="ButtonAction"/>, run as the presser. The
/// acknowledgement carries nothing for block_actions, so the answer goes by response_url, or
/// opens a modal when the reply has a form (the "Submit week 3" button).
/// </summary>
internal sealed class BlockActionHandler(
    SlackUserResolver users,
    CommandRunner runner,
    FormOpener forms,
    ReplyDelivery delivery)
{
    public async Task<InboundOutcome> HandleAsync(JsonObject payload, CancellationToken ct)
    {
        var userId = (payload["user"]?["id"] as JsonValue)?.ToString();
        var action = (payload["actions"] as JsonArray)?.FirstOrDefault() as JsonObject;
        if (userId is null || action is null)
        {
            return InboundOutcome.Nothing;
        }

        var channelId = (payload["channel"]?["id"] as JsonValue)?.ToString() ?? (payload["container"]?["channel_id"] as JsonValue)?.ToString();
        var responseUrl = SlashCommandHandler.Text(payload, "response_url");
        var user = await users.ResolveAsync(userId, (payload["user"]?["username"] as JsonValue)?.ToString(), ct);
        var encoded = (action["action_id"] as JsonValue)?.ToString();

        // An action id that is not a button of ours runs as an unknown command: the dispatcher
        // answers in the presser's language with the commands they may use.
        var invocation = ButtonAction.TryParse(encoded, out var button)
            ? new Invocation(button.Command, button.Options.ToDictionary(o => o.Key, o => (object?)o.Value, StringComparer.OrdinalIgnoreCase), user, channelId)
            : new Invocation(Clip(encoded), new Dictionary<string, object?>(), user, channelId);
        var reply = await runner.RunAsync(invocation, ct);

        if (await forms.TryOpenAsync(reply, SlashCommandHandler.Text(payload, "trigger_id"), channelId, responseUrl, ct))
        {
            return InboundOutcome.Nothing;
        }

        return InboundOutcome.Deliver(token => delivery.DeliverAsync(reply, userId, channelId, responseUrl, token));
    }

    private static string Clip(string? text) => text is null ? string.Empty : text.Length <= 32 ? text : text[..32] + "…";
}
