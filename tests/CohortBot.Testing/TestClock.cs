using CohortBot.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows its timers. A test that moves time must not move it
/// before the bot has started the wait it means to end (a heartbeat's delay, a reconnect's
/// back-off, a deferral deadline): <see cref="FireAsync"/> waits for such a timer to exist and then
/// moves time exactly to it. Nothing sleeps on the real clock. Moving time does not wait for real
/// I/O (a request on its way over loopback): a harness gives requests timeouts longer than any
/// span its tests move, unless a test is about that timeout.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly object _gate = new();
    private readonly List<Tracked> _timers = [];

    public TestClock()
        : this(DefaultStart)
    {
    }

    /// <summary>Where a clock starts unless told otherwise: Wednesday 2026-09-23 12:00 in Seoul.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 9, 23, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Fires whenever a timer is created, changed, fires or is disposed.</summary>
    public Pulse Timers { get; } = new();

    /// <summary>How long from now until each pending timer fires.</summary>
    public IReadOnlyList<TimeSpan> Pending
    {
        get
        {
            var now = GetUtcNow();
            lock (_gate)
            {
                return _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value - now).Order().ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new Tracked(this, period);
        tracked.Inner = base.CreateTimer(tracked.Fire(callback), state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _timers.Add(tracked);
        }

        tracked.Change(dueTime, period);
        return tracked;
    }

    /// <summary>Waits until a pending timer is due in a span that <paramref name="due"/> accepts, and returns that span.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> due, string what = "a timer")
    {
        try
        {
            var found = await Eventually.ValueAsync(() => Pending.Where(due).Select(d => (TimeSpan?)d).FirstOrDefault(), Timers, what);
            return found!.Value;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Pending timers: {string.Join(", ", Pending)}.", ex);
        }
    }

    /// <summary>Waits for a timer <paramref name="due"/> accepts, then moves time to it (and fires whatever else is due by then).</summary>
    public async Task<TimeSpan> FireAsync(Func<TimeSpan, bool> due, string what = "a timer")
    {
        var span = await WaitForTimerAsync(due, what);
        Advance(span > TimeSpan.Zero ? span : TimeSpan.Zero);
        return span;
    }

    /// <summary>Waits for a timer due in <paramref name="due"/> (to the millisecond timers keep), then fires it.</summary>
    public Task<TimeSpan> FireAsync(TimeSpan due, string what = "a timer") => FireAsync(d => Same(d, due), what);

    /// <summary>Equal to the millisecond: <see cref="Task.Delay(TimeSpan, TimeProvider)"/> keeps whole milliseconds.</summary>
    public static bool Same(TimeSpan a, TimeSpan b) => Math.Abs((a - b).Ticks) < TimeSpan.TicksPerMillisecond;

    private void Changed() => Timers.Fire();

    private sealed class Tracked(TestClock clock, TimeSpan period) : ITimer
    {
        private TimeSpan _period = period;

        public ITimer Inner { get; set; } = null!;

        /// <summary>When it fires next; null once a one-shot timer fired, or after dispose.</summary>
        public DateTimeOffset? DueAt { get; private set; }

        public TimerCallback Fire(TimerCallback callback) => state =>
        {
            lock (clock._gate)
            {
                DueAt = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : clock.GetUtcNow() + _period;
            }

            callback(state);
            clock.Changed();
        };

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            }

            var changed = Inner.Change(dueTime, period);
            clock.Changed();
            return changed;
        }

        public void Dispose()
        {
            Forget();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Forget();
            return Inner.DisposeAsync();
        }

        private void Forget()
        {
            lock (clock._gate)
            {
                DueAt = null;
                clock._timers.Remove(this);
            }

            clock.Changed();
        }
    }
}
