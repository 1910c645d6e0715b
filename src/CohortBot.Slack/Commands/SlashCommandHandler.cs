using CohortBot.Core.Commands;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Commands;

/// <summary>
/// <c>/cohort …</c>: parse the sub-command, run it as the caller, and answer in the
/// acknowledgement when quick enough, else through the response_url. A reply with a form opens
/// the modal instead.
/// </summary>
internal sealed class SlashCommandHandler(
    SlackProfiles users,
    CommandRunner runner,
    FormOpener forms,
    ReplyDelivery delivery)
{
    public async Task<InboundOutcome> HandleAsync(SlashCommand command, DateTimeOffset receivedAt, CancellationToken ct)
    {
        if (NonEmpty(command.UserId) is not { } userId)
        {
            return InboundOutcome.Nothing;
        }

        var channelId = NonEmpty(command.ChannelId);
        var responseUrl = NonEmpty(command.ResponseUrl);
        var user = users.Resolve(userId, NonEmpty(command.UserName));
        // Through the dispatcher even when unreadable, so the refusal is in the caller's saved language.
        var reply = await runner.RunAsync(SubCommandParser.Parse(command.Text).ToInvocation(user, channelId) with { ReceivedAt = receivedAt }, ct);

        if (await forms.TryOpenAsync(reply, NonEmpty(command.TriggerId), receivedAt, channelId, responseUrl, ct))
        {
            return InboundOutcome.Nothing;
        }

        // Files cannot ride on the acknowledgement: the ack says they went to the DM, then they are uploaded there.
        return new InboundOutcome(
            reply,
            ReplyDelivery.ResponseBody(await delivery.ShownAsync(reply, userId, ct)),
            token => delivery.SendFilesAsync(reply, userId, token),
            token => delivery.DeliverAsync(reply, userId, channelId, responseUrl, token));
    }

    internal static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
