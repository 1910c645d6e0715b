using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Slack.Rendering;
using CohortBot.Slack.WebApi;

namespace CohortBot.Slack;

/// <summary>
/// The core's way to reach Slack users unasked (reminders, waitlist promotions): a DM through
/// conversations.open (cached) and chat.postMessage, paced per channel by the Web API client,
/// followed by the reply's files uploaded to the same channel.
/// A reply's form cannot open without a user's click, so only its text and buttons are sent.
/// </summary>
internal sealed class SlackChatPlatform(SlackWebApi api, DirectChannels directs, FileUploader uploader) : IChatPlatform
{
    public string Platform => SlackPlatform.Name;

    public async Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct) =>
        await SendAsync(await directs.ForUserAsync(platformUserId, ct), message, ct);

    public Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct) =>
        SendAsync(channelId, message, ct);

    private async Task SendAsync(string channel, Reply message, CancellationToken ct)
    {
        await api.PostMessageAsync(channel, BlockKitRenderer.Render(message), ct);
        if (message.Files.Count > 0)
        {
            await uploader.UploadAsync(channel, message.Files, null, ct);
        }
    }
}
