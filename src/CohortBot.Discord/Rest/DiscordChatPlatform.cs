using System.Net;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Core.Platform;
using CohortBot.Discord.Rendering;

namespace CohortBot.Discord.Rest;

/// <summary>
/// Outgoing messages on Discord: DMs through a DM channel (created once, its id kept in the
/// database) and channel posts, rendered like interaction replies.
/// </summary>
public sealed class DiscordChatPlatform(DiscordRestClient rest, IPlatformStateStore state) : IChatPlatform
{
    public const string PlatformKey = "discord";

    public string Platform => PlatformKey;

    public async Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct)
    {
        var key = "dm-channel:" + platformUserId;
        var channel = await state.GetAsync(PlatformKey, key, ct);
        if (channel is not null)
        {
            try
            {
                await SendToChannelAsync(channel, message, ct);
                return;
            }
            catch (DiscordApiException ex) when (ex.Status == HttpStatusCode.NotFound)
            {
                // The cached channel is gone (code 10003); open it again below.
            }
        }

        channel = (await rest.CreateDmAsync(platformUserId, ct)).Id;
        await state.SetAsync(PlatformKey, key, channel, ct);
        await SendToChannelAsync(channel, message, ct);
    }

    public async Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct) =>
        await rest.CreateMessageAsync(channelId, MessageRenderer.Render(message, allowEphemeral: false), message.Files, ct);
}
