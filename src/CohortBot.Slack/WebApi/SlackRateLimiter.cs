using System.Collections.Concurrent;

namespace CohortBot.Slack.WebApi;

/// <summary>
/// One queue per key: calls on a key go out one at a time, in order, no faster than its limit.
/// A caller holding the lease while it waits out a 429 keeps the rest of the queue behind it,
/// which is what Slack asks for and keeps a channel's messages in order.
/// </summary>
internal sealed class SlackRateLimiter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, RateLimit limit, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(key, _ => new Lane());
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

            lane.Sent.Enqueue(clock.GetUtcNow());
            return new Lease(lane.Gate);
        }
        catch
        {
            lane.Gate.Release();
            throw;
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Queue<DateTimeOffset> Sent { get; } = new();
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
