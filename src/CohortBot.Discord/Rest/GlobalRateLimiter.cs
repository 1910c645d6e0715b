using CohortBot.Core.RateLimits;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Rest;

/// <summary>
/// Discord's per-bot global limit (50 requests per second): a sliding one-second window, plus a
/// pause when Discord reports a global 429. Callers wait; nothing is dropped. A request counts
/// from when it is let through until one second after its answer, so network delays can never
/// bunch more than the limit into one second at Discord's end. The limit is per bot token: when
/// several instances share one (a shared <see cref="IRateBudget"/>, on PostgreSQL), a request also
/// takes a permit of the token's budget, so that together they keep under it too (docs/scale-out.md).
/// </summary>
public sealed class GlobalRateLimiter(IOptions<DiscordOptions> options, TimeProvider clock, IRateBudget? budget = null)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SharedRateGate? _shared = budget is null ? null : new SharedRateGate(
        budget,
        RateBudgetBucket.Of("discord", options.Value.Token, "global"),
        BudgetSlices.For(options.Value.GlobalRequestsPerSecond, Window),
        clock);
    private readonly object _state = new();
    private readonly Queue<DateTimeOffset> _completed = new();
    private int _inFlight;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits for a slot; dispose the lease when the answer has arrived.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken ct)
    {
        var lease = await AcquireHereAsync(ct);
        if (_shared is not null)
        {
            // After this instance's own slot, so that the shared permit is used at once; the callers
            // wait for it together, and one round trip fetches permits for all of them.
            try
            {
                await _shared.WaitAsync(ct);
            }
            catch
            {
                lease.Dispose();
                throw;
            }
        }

        return lease;
    }

    public void PauseFor(TimeSpan delay)
    {
        var until = clock.GetUtcNow() + delay;
        lock (_state)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    private async Task<IDisposable> AcquireHereAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            while (true)
            {
                var (wait, answered) = NextSlot();
                if (wait <= TimeSpan.Zero && answered is null)
                {
                    return new Lease(this);
                }

                // With every slot taken by a request still in flight there is nothing to time: the
                // next answer frees a slot (a second later), so wait for it rather than poll.
                await (answered ?? Task.Delay(wait, clock, ct)).WaitAsync(ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How long to wait for a slot, or the answer to wait for when every slot is in flight.</summary>
    private (TimeSpan Wait, Task? Answered) NextSlot()
    {
        lock (_state)
        {
            var now = clock.GetUtcNow();
            while (_completed.Count > 0 && _completed.Peek() + Window <= now)
            {
                _completed.Dequeue();
            }

            var wait = _pausedUntil - now;
            if (_inFlight + _completed.Count >= options.Value.GlobalRequestsPerSecond)
            {
                if (_completed.Count == 0)
                {
                    return (wait, _answered.Task);
                }

                var slot = _completed.Peek() + Window - now;
                wait = slot > wait ? slot : wait;
            }

            if (wait <= TimeSpan.Zero)
            {
                _inFlight++;
            }

            return (wait, null);
        }
    }

    private void Complete()
    {
        TaskCompletionSource answered;
        lock (_state)
        {
            _inFlight--;
            _completed.Enqueue(clock.GetUtcNow());
            answered = _answered;
            _answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        answered.TrySetResult();
    }

    private sealed class Lease(GlobalRateLimiter owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Complete();
            }
        }
    }
}
