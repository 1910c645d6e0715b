using System.Collections.Concurrent;
using CohortBot.Core.RateLimits;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.WebApi;

/// <summary>
/// One queue per key: calls on a key go out one at a time, in order, no faster than its limit.
/// A caller holding the lease while it waits out a 429 keeps the rest of the queue behind it,
/// which is what Slack asks for and keeps a channel's messages in order. Slack counts per app and
/// workspace, not per process: when several instances share the bot token (a shared
/// <see cref="IRateBudget"/>, on PostgreSQL), each call also takes a permit of the key's shared
/// budget, so that together they keep under the limit too (docs/scale-out.md).
/// </summary>
internal sealed class SlackRateLimiter(TimeProvider clock, IOptions<SlackOptions> options, IRateBudget? budget = null)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, RateLimit limit, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(key, k => new Lane(SharedGate(k, limit)));
        await lane.Gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            while (lane.Sent.Count > 0 && now - lane.Sent.Peek() >= limit.Window)
            {
                lane.Sent.Dequeue();
            }

            if (lane.Sent.Count >= limit.Count)
            {
                var wait = lane.Sent.Peek() + limit.Window - now;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, ct);
                }

                lane.Sent.Dequeue();
            }

            if (lane.Shared is { } shared)
            {
                await shared.WaitAsync(ct);
            }

            lane.Sent.Enqueue(clock.GetUtcNow());
            return new Lease(lane.Gate);
        }
        catch
        {
            lane.Gate.Release();
            throw;
        }
    }

    private SharedRateGate? SharedGate(string key, RateLimit limit) =>
        budget is null || options.Value.BotToken is not { Length: > 0 } token
            ? null
            : new SharedRateGate(budget, RateBudgetBucket.Of("slack", token, key), BudgetSlices.For(limit.Count, limit.Window), clock);

    private sealed class Lane(SharedRateGate? shared)
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Queue<DateTimeOffset> Sent { get; } = new();

        public SharedRateGate? Shared => shared;
    }

    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
