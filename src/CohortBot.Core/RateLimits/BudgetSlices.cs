namespace CohortBot.Core.RateLimits;

/// <summary>
/// How "at most <c>count</c> calls in any <c>window</c>" is kept with fixed windows that every
/// instance agrees on. Two whole fixed windows back to back could hold twice the limit across
/// their border, so the window is cut into k slices of <see cref="PerSlice"/> = count / (k + 1)
/// permits: any span as long as the window overlaps at most k + 1 slices, so it never holds more
/// than <c>count</c>, wherever it starts. The price is one slice's share of the throughput; k (at
/// most 10) is chosen for the most permits per window, e.g. 50 a second: 9 slices of 112 ms with 5
/// each, 45 a second.
/// </summary>
public sealed record BudgetSlices(TimeSpan Length, int PerSlice)
{
    private const int MostSlices = 10;

    public static BudgetSlices For(int count, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMilliseconds(1));
        if (count == 1)
        {
            // Nothing to slice: one permit a window, and the one case where a border can let two through.
            return new BudgetSlices(Ceiling(window, 1), 1);
        }

        var best = 1;
        for (var k = 2; k <= MostSlices; k++)
        {
            if (count / (k + 1) * k > count / (best + 1) * best)
            {
                best = k;
            }
        }

        return new BudgetSlices(Ceiling(window, best), count / (best + 1));
    }

    /// <summary>The start of the slice that holds <paramref name="at"/>: whole slices since the Unix epoch, the same on every instance.</summary>
    public DateTimeOffset StartOf(DateTimeOffset at)
    {
        var ms = at.ToUnixTimeMilliseconds();
        var length = (long)Length.TotalMilliseconds;
        return DateTimeOffset.FromUnixTimeMilliseconds(ms - (((ms % length) + length) % length));
    }

    /// <summary>A slice of whole milliseconds no shorter than window / k, so k slices cover the window.</summary>
    private static TimeSpan Ceiling(TimeSpan window, int k) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(window.TotalMilliseconds / k));
}
