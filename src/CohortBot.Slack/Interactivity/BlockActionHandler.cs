using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Slack.Commands;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// A pressed button: its action_id is a <see cref="ButtonAction"/>, run as the presser. The
/// acknowledgement carries nothing for block_actions, so the answer goes by response_url, or
/// opens a modal when the reply has a form (the "Submit week 3" button).
/// </summary>
internal sealed class BlockActionHandler(
    SlackProfiles users,
    MessageCatalogue catalogue,
    CommandRunner runner,
    FormOpener forms,
    ReplyDelivery delivery)
{
    public async Task<InboundOutcome> HandleAsync(JsonObject payload, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var userId = (payload["user"]?["id"] as JsonValue)?.ToString();
        var action = (payload["actions"] as JsonArray)?.FirstOrDefault() as JsonObject;
        if (userId is null || action is null)
        {
            return InboundOutcome.Nothing;
        }

        var channelId = (payload["channel"]?["id"] as JsonValue)?.ToString() ?? (payload["container"]?["channel_id"] as JsonValue)?.ToString();
        var responseUrl = SlashCommandHandler.Text(payload, "response_url");
        var user = users.Resolve(userId, (payload["user"]?["username"] as JsonValue)?.ToString());
        var encoded = (action["action_id"] as JsonValue)?.ToString();

        Reply reply;
        if (ButtonAction.TryParse(encoded, out var button))
        {
            var options = button.Options.ToDictionary(o => o.Key, o => (object?)o.Value, StringComparer.OrdinalIgnoreCase);
            reply = await runner.RunAsync(new Invocation(button.Command, options, user, channelId) { ReceivedAt = receivedAt }, ct);
        }
        else
        {
            var commands = string.Join(", ", Catalogue.All.Select(c => "/" + c.Name));
            reply = Reply.Error(catalogue.For(user.Locale)["command.unknown", new { command = Clip(encoded), commands }]);
        }

        if (await forms.TryOpenAsync(reply, SlashCommandHandler.Text(payload, "trigger_id"), channelId, responseUrl, ct))
        {
            return InboundOutcome.Nothing;
        }

        return InboundOutcome.Deliver(reply, token => delivery.DeliverAsync(reply, userId, channelId, responseUrl, token));
    }

    private static string Clip(string? text) => text is null ? string.Empty : text.Length <= 32 ? text : text[..32] + "…";
}
