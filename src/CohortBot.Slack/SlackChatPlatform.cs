using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Slack.Rendering;
using CohortBot.Slack.WebApi;

namespace CohortBot.Slack;

/// <summary>
/// The core's way to reach Slack users unasked (reminders, waitlist promotions): a DM through
/// conversations.open (cached) and chat.postMessage, paced per channel by the Web API client.
/// A reply's form cannot open without a user's click, so only its text and buttons are sent.
/// </summary>
internal sealed class SlackChatPlatform(SlackWebApi api, DirectChannels directs) : IChatPlatform
{
    public string Platform => SlackPlatform.Name;

    public async Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct) =>
        await api.PostMessageAsync(await directs.ForUserAsync(platformUserId, ct), BlockKitRenderer.Render(message), ct);

    public async Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct) =>
        await api.PostMessageAsync(channelId, BlockKitRenderer.Render(message), ct);
}
