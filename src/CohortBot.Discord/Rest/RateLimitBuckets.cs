namespace CohortBot.Discord.Rest;

/// <summary>
/// What Discord's <c>X-RateLimit-*</c> headers taught, per bucket and major parameter. Webhook
/// tokens make a major parameter per interaction, so the table is swept: past
/// <see cref="DiscordOptions.BucketSweepAbove"/> entries (512), every bucket nobody holds and whose
/// window has reset is forgotten (it knows nothing a fresh one would not), and if a flood still
/// leaves too many, the idle ones that reset soonest go too (at worst Discord answers one 429, which is waited out).
/// Memory stays flat however many interactions pass; interaction callbacks never enter it at all.
/// </summary>
internal sealed class RateLimitBuckets(TimeProvider clock, Microsoft.Extensions.Options.IOptions<DiscordOptions> options)
{
    private readonly int _sweepAbove = options.Value.BucketSweepAbove;
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _hashOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count;
            }
        }
    }

    public RateLimitBucket Rent(RateLimitRoute route)
    {
        lock (_gate)
        {
            var key = KeyOf(route);
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                if (_buckets.Count >= _sweepAbove)
                {
                    Sweep();
                }

                bucket = new RateLimitBucket();
                _buckets[key] = bucket;
            }

            bucket.Users++;
            return bucket;
        }
    }

    public void Return(RateLimitBucket bucket)
    {
        lock (_gate)
        {
            bucket.Users--;
        }
    }

    /// <summary>Records a response's headers; later requests of the route share the bucket Discord named.</summary>
    public void Learn(RateLimitRoute route, RateLimitBucket bucket, string? hash, int? remaining, TimeSpan? resetAfter)
    {
        lock (_gate)
        {
            if (hash is not null && (!_hashOfRoute.TryGetValue(route.Template, out var known) || known != hash))
            {
                _hashOfRoute[route.Template] = hash;
                _buckets.TryAdd(hash + "|" + route.Major, bucket);
            }

            if (remaining is not null)
            {
                bucket.Remaining = remaining;
            }

            if (resetAfter is { } after)
            {
                bucket.ResetAt = clock.GetUtcNow() + after;
            }
        }
    }

    private string KeyOf(RateLimitRoute route) =>
        (_hashOfRoute.TryGetValue(route.Template, out var hash) ? hash : route.Template) + "|" + route.Major;

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, bucket) in _buckets.ToList())
        {
            if (bucket.Users == 0 && (bucket.Remaining is not 0 || bucket.ResetAt <= now))
            {
                _buckets.Remove(key);
            }
        }

        if (_buckets.Count >= _sweepAbove)
        {
            foreach (var (key, _) in _buckets.Where(b => b.Value.Users == 0).OrderBy(b => b.Value.ResetAt).Take(_buckets.Count - (_sweepAbove / 2)).ToList())
            {
                _buckets.Remove(key);
            }
        }
    }
}
