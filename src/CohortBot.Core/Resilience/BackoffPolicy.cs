namespace CohortBot.Core.Resilience;

/// <summary>
/// The one back-off every retry and reconnect uses (Discord and Slack, REST and sockets): the
/// ceiling doubles from <see cref="First"/> up to <see cref="Max"/>, and each delay is drawn
/// between half the ceiling and all of it, so many clients that failed together do not come
/// back in step ("equal jitter").
/// </summary>
/// <param name="First">The ceiling of the first retry.</param>
/// <param name="Max">No delay is longer.</param>
public sealed record BackoffPolicy(TimeSpan First, TimeSpan Max)
{
    /// <summary>REST calls to a platform after a 5xx or a network error: 250 ms, doubling to 8 s.</summary>
    public static readonly BackoffPolicy Requests = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(8));

    /// <summary>The ceiling for <paramref name="attempt"/> (1 for the first retry), without jitter.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        var doublings = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min(Max.Ticks, First.Ticks * Math.Pow(2, doublings));
        return TimeSpan.FromTicks((long)Math.Max(0, ticks));
    }

    /// <summary>
    /// The delay before retry <paramref name="attempt"/>, in whole milliseconds (what timers keep);
    /// <paramref name="unit"/> is a draw from [0, 1) (random when null).
    /// </summary>
    public TimeSpan Delay(int attempt, double? unit = null)
    {
        var draw = Math.Clamp(unit ?? Random.Shared.NextDouble(), 0, 1);
        return TimeSpan.FromMilliseconds(Math.Floor((Ceiling(attempt) * (0.5 + (draw / 2))).TotalMilliseconds));
    }
}
