namespace CohortBot.Core.RateLimits;

/// <summary>
/// One bucket of a shared <see cref="IRateBudget"/> as this instance's callers see it:
/// <see cref="WaitAsync"/> returns when the caller may send. Permits are fetched a few at a time
/// (as many as callers are waiting, at most a slice's share: one round trip serves a burst), kept
/// for their own slice only, and a spent slice is waited out on the clock. Callers take their turn
/// one at a time, so only one of them talks to the database at once.
/// </summary>
public sealed class SharedRateGate(IRateBudget budget, string bucket, BudgetSlices slices, TimeProvider clock)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _slice = DateTimeOffset.MinValue;
    private int _reserved;
    private bool _spent;
    private int _waiting;

    public BudgetSlices Slices => slices;

    /// <summary>Waits for a permit of this instance's share of the budget; send at once when it returns.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(ct);
            try
            {
                await TakeOneAsync(ct);
            }
            finally
            {
                _turn.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private async Task TakeOneAsync(CancellationToken ct)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            var slice = slices.StartOf(now);
            if (slice != _slice)
            {
                (_slice, _reserved, _spent) = (slice, 0, false);
            }

            if (_reserved > 0)
            {
                _reserved--;
                return;
            }

            if (!_spent)
            {
                var wanted = Math.Clamp(Volatile.Read(ref _waiting), 1, slices.PerSlice);
                var taken = await budget.TakeAsync(bucket, slice, slices.PerSlice, wanted, ct);
                _spent = taken == 0;
                // A round trip that ended in the next slice brought permits of the last one: they are spent.
                if (taken > 0 && slices.StartOf(clock.GetUtcNow()) == slice)
                {
                    _reserved = taken - 1;
                    return;
                }

                continue;
            }

            await Task.Delay(slice + slices.Length - now, clock, ct);
        }
    }
}
