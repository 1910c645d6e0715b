using CohortBot.Core.Commands;
using CohortBot.Core.Outbox;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Notifications;

/// <summary>
/// Posts a scheduled channel message through every running platform that has the channel
/// configured, each post with its own ledger key (<c>platform#channel</c>) so one platform's
/// outage does not repeat the post on the others.
/// </summary>
public sealed class ChannelPoster(IEnumerable<IChatPlatform> platforms, IOptions<ChannelOptions> channels, OutboxSender sender)
{
    /// <summary>Running platforms with a channel of <paramref name="kind"/>, as (platform, channel id).</summary>
    public IReadOnlyList<(IChatPlatform Platform, string Channel)> Targets(ChannelKind kind) =>
        platforms.Select(p => (Platform: p, Channel: channels.Value.Find(p.Platform, kind)))
            .Where(x => !string.IsNullOrWhiteSpace(x.Channel))
            .Select(x => (x.Platform, x.Channel!))
            .ToList();

    public async Task<IReadOnlyList<DeliveryOutcome>> PostAsync(long cohortId, ChannelKind kind, DeliveryKey key, DateTimeOffset dueAt, Reply message, CancellationToken ct)
    {
        var outcomes = new List<DeliveryOutcome>();
        foreach (var (platform, channel) in Targets(kind))
        {
            outcomes.Add(await sender.DeliverAsync(cohortId, key.ForRecipient($"{platform.Platform}#{channel}"), dueAt,
                c => platform.SendToChannelAsync(channel, message, c), ct));
        }

        return outcomes;
    }
}
