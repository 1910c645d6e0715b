using System.Net;
using CohortBot.Core.Diagnostics;
using CohortBot.Core.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.WebApi;

/// <summary>
/// Slack's rate limits as a step of the pipeline: a Web API call waits for its turn in its queue
/// (<see cref="RateLimit.For"/>: per channel for chat.*, per method otherwise), and a 429 is waited
/// out (<c>Retry-After</c>) and sent again, at most <see cref="SlackOptions.MaxRateLimitRetries"/>
/// times, while the call keeps its place — the rest of its queue waits behind it, as Slack asks
/// and so a channel's messages stay in order. The last 429 is returned when Slack keeps refusing.
/// </summary>
internal sealed partial class SlackRateLimitHandler(
    SlackRateLimiter limiter,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackRateLimitHandler> logger,
    PlatformMetrics? metrics = null) : DelegatingHandler
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(5);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = SlackRequestOptions.MethodOf(request);
        var paced = request.Options.TryGetValue(SlackRequestOptions.Paced, out var queued) && queued;
        var (key, limit) = RateLimit.For(method, request.Options.TryGetValue(SlackRequestOptions.Channel, out var channel) ? channel : null);
        using var lease = paced ? await limiter.AcquireAsync(key, limit, cancellationToken) : null;
        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            metrics?.RateLimited(SlackPlatform.Name, method);
            if (attempt >= options.Value.MaxRateLimitRetries)
            {
                return response;
            }

            var wait = RetryAfter.FromHeaders(response.Headers, clock.GetUtcNow()) ?? DefaultRetryAfter;
            wait = wait > LongestRetryAfter ? LongestRetryAfter : wait;
            response.Dispose();
            LogRateLimited(method, key, wait.TotalSeconds, attempt + 2);
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack rate-limited {Method} (queue {Key}); waiting {Seconds} s before attempt {Attempt}")]
    private partial void LogRateLimited(string method, string key, double seconds, int attempt);
}
