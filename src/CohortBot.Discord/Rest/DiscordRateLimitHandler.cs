using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CohortBot.Core.Diagnostics;
using CohortBot.Core.Resilience;
using CohortBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Rest;

/// <summary>
/// Discord's rate limits as a step of the pipeline: waits while the request's bucket is empty,
/// takes a slot of the global limit (interaction endpoints are exempt), learns from the
/// <c>X-RateLimit-*</c> headers, and waits out a 429 (<c>retry_after</c>, else <c>Retry-After</c>)
/// before sending again — never dropping the request. Interaction callbacks skip the buckets.
/// </summary>
internal sealed partial class DiscordRateLimitHandler(
    RateLimitBuckets buckets,
    GlobalRateLimiter globalLimiter,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILogger<DiscordRateLimitHandler> logger,
    PlatformMetrics? metrics = null) : DelegatingHandler
{
    private static readonly TimeSpan MinimumRetryWait = TimeSpan.FromMilliseconds(50);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = DiscordRequestOptions.RouteOf(request, options.Value.ApiBaseUrl);
        while (true)
        {
            var response = route.IsInteractionCallback
                ? await base.SendAsync(request, cancellationToken)
                : await SendInBucketAsync(route, request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            using (response)
            {
                await WaitOutTooManyRequestsAsync(route, response, cancellationToken);
            }
        }
    }

    private async Task<HttpResponseMessage> SendInBucketAsync(RateLimitRoute route, HttpRequestMessage request, CancellationToken ct)
    {
        var bucket = buckets.Rent(route);
        try
        {
            await bucket.Gate.WaitAsync(ct);
            try
            {
                await WaitForBucketAsync(bucket, route, ct);
                using var lease = route.IsGloballyLimited ? await globalLimiter.AcquireAsync(ct) : null;
                var response = await base.SendAsync(request, ct);
                var headers = response.Headers;
                buckets.Learn(
                    route,
                    bucket,
                    Header(headers, "X-RateLimit-Bucket"),
                    int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
                    double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var after) ? TimeSpan.FromSeconds(after) : null);
                return response;
            }
            finally
            {
                bucket.Gate.Release();
            }
        }
        finally
        {
            buckets.Return(bucket);
        }
    }

    private async Task WaitForBucketAsync(RateLimitBucket bucket, RateLimitRoute route, CancellationToken ct)
    {
        var wait = bucket.ResetAt - clock.GetUtcNow();
        if (bucket.Remaining is 0 && wait > TimeSpan.Zero)
        {
            LogBucketWait(route.Display, wait.TotalMilliseconds);
            await Task.Delay(wait, clock, ct);
            bucket.Remaining = null;
        }
    }

    private async Task WaitOutTooManyRequestsAsync(RateLimitRoute route, HttpResponseMessage response, CancellationToken ct)
    {
        var global = string.Equals(Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        // Cloudflare's own 429 page is HTML: then only the header says how long.
        var error = DiscordJson.TryParse(body, DiscordJson.Context.DiscordError, out var parsed) ? parsed : null;
        var retryAfter = error?.RetryAfter is > 0 and { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : RetryAfter.FromHeaders(response.Headers, clock.GetUtcNow()) ?? TimeSpan.Zero;
        global |= error?.Global == true;
        retryAfter = retryAfter < MinimumRetryWait ? MinimumRetryWait : retryAfter;
        LogTooManyRequests(route.Display, retryAfter.TotalMilliseconds, global, Header(response.Headers, "X-RateLimit-Scope") ?? "-");
        metrics?.RateLimited(DiscordChatPlatform.PlatformKey, route.Display);
        if (global)
        {
            globalLimiter.PauseFor(retryAfter);
        }

        await Task.Delay(retryAfter, clock, ct);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit on {Route}: waiting {DelayMs} ms (global {Global}, scope {Scope})")]
    private partial void LogTooManyRequests(string route, double delayMs, bool global, string scope);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bucket of {Route} is empty: waiting {DelayMs} ms for its reset")]
    private partial void LogBucketWait(string route, double delayMs);
}
