using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Slack.Interactivity;

namespace CohortBot.Slack.Commands;

/// <summary>
/// <c>/cohort …</c>: parse the sub-command, run it as the caller, and answer in the
/// acknowledgement when quick enough, else through the response_url. A reply with a form opens
/// the modal instead.
/// </summary>
internal sealed class SlashCommandHandler(
    SlackUserResolver users,
    CommandRunner runner,
    FormOpener forms,
    ReplyDelivery delivery)
{
    public async Task<InboundOutcome> HandleAsync(JsonObject payload, CancellationToken ct)
    {
        var userId = Text(payload, "user_id");
        if (userId is null)
        {
            return InboundOutcome.Nothing;
        }

        var channelId = Text(payload, "channel_id");
        var responseUrl = Text(payload, "response_url");
        var user = await users.ResolveAsync(userId, Text(payload, "user_name"), ct);
        // Through the dispatcher even when unreadable, so the refusal is in the caller's saved language.
        var reply = await runner.RunAsync(SubCommandParser.Parse(Text(payload, "text")).ToInvocation(user, channelId), ct);

        if (await forms.TryOpenAsync(reply, Text(payload, "trigger_id"), channelId, responseUrl, ct))
        {
            return InboundOutcome.Nothing;
        }

        // Files cannot ride on the acknowledgement: the ack says they went to the DM, then they are uploaded there.
        return new InboundOutcome(
            ReplyDelivery.ResponseBody(await delivery.ShownAsync(reply, userId, ct)),
            token => delivery.SendFilesAsync(reply, userId, token),
            token => delivery.DeliverAsync(reply, userId, channelId, responseUrl, token));
    }

    internal static string? Text(JsonObject payload, string name) =>
        payload[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
