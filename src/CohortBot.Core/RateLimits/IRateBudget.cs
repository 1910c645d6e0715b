namespace CohortBot.Core.RateLimits;

/// <summary>
/// A platform's request budget shared by every bot instance that uses one credential: Discord's
/// and Slack's limits are per bot token, not per process. Counted in fixed windows that every
/// instance names alike (their start on the UTC clock); a bucket names the credential by a hash
/// (<see cref="RateBudgetBucket"/>), never the credential itself.
/// </summary>
public interface IRateBudget
{
    /// <summary>
    /// Takes up to <paramref name="wanted"/> of the <paramref name="limit"/> permits of
    /// <paramref name="bucket"/> in the window that starts at <paramref name="windowStart"/>, atomically
    /// across instances. Returns how many were taken: 0 when the window is spent.
    /// </summary>
    Task<int> TakeAsync(string bucket, DateTimeOffset windowStart, int limit, int wanted, CancellationToken ct);
}
