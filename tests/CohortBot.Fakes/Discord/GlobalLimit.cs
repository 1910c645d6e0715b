using System.Globalization;

namespace CohortBot.Fakes.Discord;

/// <summary>
/// Discord's global limit: so many requests per second per bot, in fixed one-second windows of
/// the fake's clock. Interaction callbacks and webhooks do not count (the caller decides).
/// </summary>
public sealed class GlobalLimit(TimeProvider clock, int perSecond)
{
    private readonly object _gate = new();
    private long _window = -1;
    private int _taken;

    public int PerSecond => perSecond;

    /// <returns>True when the request may pass; otherwise how long until the next window.</returns>
    public bool TryTake(out TimeSpan retryAfter)
    {
        var now = clock.GetTimestamp();
        var frequency = clock.TimestampFrequency;
        var window = now / frequency;
        lock (_gate)
        {
            if (window != _window)
            {
                _window = window;
                _taken = 0;
            }

            if (_taken < perSecond)
            {
                _taken++;
                retryAfter = TimeSpan.Zero;
                return true;
            }
        }

        retryAfter = TimeSpan.FromSeconds((double)((window + 1) * frequency - now) / frequency);
        return false;
    }

    /// <summary>The 429 Discord sends when the global limit is hit: body and headers.</summary>
    public static CannedResponse TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Math.Max(0.001, Math.Round(retryAfter.TotalSeconds, 3));
        var text = seconds.ToString(CultureInfo.InvariantCulture);
        return new CannedResponse(
            429,
            $$"""{"message":"You are being rate limited.","retry_after":{{text}},"global":true}""",
            new Dictionary<string, string>
            {
                ["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Global"] = "true",
                ["X-RateLimit-Scope"] = "global",
            });
    }
}
