using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Rest;

/// <summary>
/// Discord's per-bot global limit (50 requests per second): a sliding one-second window, plus a
/// pause when Discord reports a global 429. Callers wait; nothing is dropped.
/// </summary>
public sealed class GlobalRateLimiter(IOptions<DiscordOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<DateTimeOffset> _sent = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() + Window <= now)
                {
                    _sent.Dequeue();
                }

                var wait = PausedUntil - now;
                if (_sent.Count >= options.Value.GlobalRequestsPerSecond)
                {
                    var slot = _sent.Peek() + Window - now;
                    wait = slot > wait ? slot : wait;
                }

                if (wait <= TimeSpan.Zero)
                {
                    _sent.Enqueue(now);
                    return;
                }

                await Task.Delay(wait, clock, ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void PauseFor(TimeSpan delay)
    {
        var until = clock.GetUtcNow() + delay;
        lock (_sent)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    private DateTimeOffset PausedUntil
    {
        get
        {
            lock (_sent)
            {
                return _pausedUntil;
            }
        }
    }
}
