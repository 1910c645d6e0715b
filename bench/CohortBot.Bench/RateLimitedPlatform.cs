using System.Collections.Concurrent;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;

namespace CohortBot.Bench;

/// <summary>
/// Stands in for an adapter's rate-limited REST client: at most <c>perSecond</c> calls start in any
/// second (a token bucket refilled continuously, like Discord's global limit), each taking
/// <c>latency</c> of network time. Counts deliveries per user so duplicates would show.
/// </summary>
public sealed class RateLimitedPlatform(int perSecond, TimeSpan latency) : IChatPlatform
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _spacing = perSecond > 0 ? TimeSpan.FromSeconds(1.0 / perSecond) : TimeSpan.Zero;
    private DateTime _next = DateTime.UtcNow;

    public string Platform => "terminal";

    public ConcurrentDictionary<string, int> Received { get; } = new();

    public async Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct)
    {
        await WaitTurnAsync(ct);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, ct);
        }

        Received.AddOrUpdate(platformUserId, 1, (_, n) => n + 1);
    }

    public Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct) => SendDirectAsync("#" + channelId, message, ct);

    private async Task WaitTurnAsync(CancellationToken ct)
    {
        if (_spacing == TimeSpan.Zero)
        {
            return;
        }

        TimeSpan wait;
        await _gate.WaitAsync(ct);
        try
        {
            var now = DateTime.UtcNow;
            var slot = _next > now ? _next : now;
            _next = slot + _spacing;
            wait = slot - now;
        }
        finally
        {
            _gate.Release();
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }
}
