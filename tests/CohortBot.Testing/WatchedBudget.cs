using System.Collections.Concurrent;
using CohortBot.Core.RateLimits;
using CohortBot.Fakes;

namespace CohortBot.Testing;

/// <summary>
/// A real shared budget seen from the test: every take it passes on (window, permits taken), and
/// whether one is on its way to the database now, so a test on a fake clock moves time only while
/// no instance is between asking and hearing back.
/// </summary>
public sealed class WatchedBudget(IRateBudget inner) : IRateBudget
{
    private int _busy;

    public ConcurrentQueue<(string Bucket, DateTimeOffset WindowStart, int Taken)> Takes { get; } = new();

    public bool Busy => Volatile.Read(ref _busy) > 0;

    /// <summary>Fires when a take starts or ends.</summary>
    public Pulse Changed { get; } = new();

    public async Task<int> TakeAsync(string bucket, DateTimeOffset windowStart, int limit, int wanted, CancellationToken ct)
    {
        Interlocked.Increment(ref _busy);
        Changed.Fire();
        try
        {
            var taken = await inner.TakeAsync(bucket, windowStart, limit, wanted, ct);
            Takes.Enqueue((bucket, windowStart, taken));
            return taken;
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
            Changed.Fire();
        }
    }
}
