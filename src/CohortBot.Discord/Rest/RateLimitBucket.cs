namespace CohortBot.Discord.Rest;

/// <summary>One bucket's known state; requests in it run one at a time so the counters stay true.</summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }

    /// <summary>Requests holding the bucket now; an idle bucket past its reset can be forgotten.</summary>
    public int Users { get; set; }
}
