using System.Collections.Concurrent;
using CohortBot.Core.Participants;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Flood;

/// <summary>
/// A token bucket per platform user, in memory, timed by <see cref="TimeProvider"/>. It costs one
/// dictionary look-up and a short lock on the caller's own bucket, so nobody else waits for a
/// flooder, and a refused command does no work at all (no handler, no write).
/// </summary>
public sealed class FloodGate(IOptions<FloodOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Null when the command may run; else how long until the next one would be taken.</summary>
    /// <param name="user">Who sent it.</param>
    /// <param name="firstRefusal">True for the first refusal of a flood (logged once, not per command).</param>
    public TimeSpan? Admit(PlatformUser user, out bool firstRefusal)
    {
        var o = options.Value;
        firstRefusal = false;
        if (o.ExemptPlatforms.Contains(user.Platform, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var now = clock.GetTimestamp();
        if (_buckets.Count > PruneAbove)
        {
            Prune(now, o);
        }

        var bucket = _buckets.GetOrAdd(user.Platform + "\u001F" + user.UserId, _ => new Bucket(o.Burst, now));
        return bucket.Take(now, o, clock, out firstRefusal);
    }

    private void Prune(long now, FloodOptions o)
    {
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsFull(now, o, clock))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        private readonly Lock _gate = new();
        private double _tokens = tokens;
        private long _at = at;
        private bool _refusing;

        public TimeSpan? Take(long now, FloodOptions o, TimeProvider clock, out bool firstRefusal)
        {
            lock (_gate)
            {
                Refill(now, o, clock);
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    _refusing = false;
                    firstRefusal = false;
                    return null;
                }

                firstRefusal = !_refusing;
                _refusing = true;
                return o.RefillEvery * (1 - _tokens);
            }
        }

        public bool IsFull(long now, FloodOptions o, TimeProvider clock)
        {
            lock (_gate)
            {
                Refill(now, o, clock);
                return _tokens >= o.Burst;
            }
        }

        private void Refill(long now, FloodOptions o, TimeProvider clock)
        {
            var elapsed = clock.GetElapsedTime(_at, now);
            _tokens = Math.Min(o.Burst, _tokens + (elapsed / o.RefillEvery));
            _at = now;
        }
    }
}
