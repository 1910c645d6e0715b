namespace CohortBot.Fakes;

/// <summary>At most so many calls in any window of the fake's clock (Slack's per-method tiers, e.g. 100 a minute).</summary>
public sealed class SlidingWindowLimit(TimeProvider clock, int limit, TimeSpan window)
{
    private readonly Queue<long> _taken = new();

    public int Limit => limit;

    public TimeSpan Window => window;

    /// <returns>True when the call may pass; otherwise how long until the oldest call leaves the window.</returns>
    public bool TryTake(out TimeSpan retryAfter)
    {
        var now = clock.GetTimestamp();
        lock (_taken)
        {
            while (_taken.Count > 0 && clock.GetElapsedTime(_taken.Peek(), now) >= window)
            {
                _taken.Dequeue();
            }

            if (_taken.Count < limit)
            {
                _taken.Enqueue(now);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = window - clock.GetElapsedTime(_taken.Peek(), now);
            return false;
        }
    }
}
