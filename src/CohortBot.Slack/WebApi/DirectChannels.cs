using System.Collections.Concurrent;
using CohortBot.Core.Platform;

namespace CohortBot.Slack.WebApi;

/// <summary>
/// DM channel ids by user. conversations.open is cheap but Tier 3; a DM channel never changes, so
/// the id is kept in memory and in the platform state store across restarts.
/// </summary>
internal sealed class DirectChannels(SlackWebApi api, IPlatformStateStore state)
{
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);

    public async Task<string> ForUserAsync(string userId, CancellationToken ct)
    {
        if (_known.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var key = "dm:" + userId;
        var channel = await state.GetAsync(SlackPlatform.Name, key, ct);
        if (channel is null)
        {
            channel = await api.OpenDirectChannelAsync(userId, ct);
            await state.SetAsync(SlackPlatform.Name, key, channel, ct);
        }

        _known[userId] = channel;
        return channel;
    }
}
