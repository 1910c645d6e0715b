using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Rest;

/// <summary>
/// Every REST call to Discord goes through here: per-bucket limits learned from the
/// <c>X-RateLimit-*</c> headers, the global limit, 429s waited out and retried (never dropped),
/// 5xx and network errors retried with back-off, but only for requests that may safely run twice
/// (<see cref="RequestIdempotency"/>): anything else is sent once and its failure reported.
/// </summary>
public sealed partial class DiscordRestClient(
    IHttpClientFactory httpClients,
    GlobalRateLimiter globalLimiter,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILogger<DiscordRestClient> logger,
    PlatformMetrics? metrics = null)
{
    public const string HttpClientName = "discord";
    public const string UserAgent = "DiscordBot (https://github.com/cohortbot/cohortbot, 1.0)";

    private static readonly TimeSpan MinimumRetryWait = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Sends a request; returns the JSON answer, or null for 204.</summary>
    public async Task<JsonElement?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct, IReadOnlyList<ReplyFile>? files = null)
    {
        var route = RateLimitRoute.For(method, path);
        body = RequestIdempotency.WithNonce(route, body);
        var repeatable = RequestIdempotency.IsRepeatable(method, route, body);
        var serverErrors = 0;
        while (true)
        {
            var bucket = _buckets.GetOrAdd(BucketKey(route), _ => new RateLimitBucket());
            await bucket.Gate.WaitAsync(ct);
            HttpResponseMessage response;
            try
            {
                await WaitForBucketAsync(bucket, route, ct);
                using var lease = route.IsGloballyLimited ? await globalLimiter.AcquireAsync(ct) : null;
                try
                {
                    response = await SendOnceAsync(method, path, body, files, ct);
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
                {
                    if (!repeatable && !RequestIdempotency.NeverSent(ex))
                    {
                        // Discord may have acted on it; sending it again could, e.g., post a message twice.
                        LogNotRepeated(route.Display, ex.GetType().Name);
                        throw;
                    }

                    if (++serverErrors > options.Value.ServerErrorRetries)
                    {
                        throw;
                    }

                    LogNetworkRetry(route.Display, serverErrors, ex.Message);
                    await Task.Delay(Backoff(serverErrors), clock, ct);
                    continue;
                }

                Learn(route, bucket, response);
            }
            finally
            {
                bucket.Gate.Release();
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    await WaitOutTooManyRequestsAsync(route, response, ct);
                    continue;
                }

                if ((int)response.StatusCode >= 500 && repeatable && serverErrors < options.Value.ServerErrorRetries)
                {
                    serverErrors++;
                    LogServerErrorRetry(route.Display, (int)response.StatusCode, serverErrors);
                    await Task.Delay(Backoff(serverErrors), clock, ct);
                    continue;
                }

                return await ReadAsync(route, response, ct);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string path, JsonNode? body, IReadOnlyList<ReplyFile>? files, CancellationToken ct)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(method, options.Value.ApiBaseUrl.TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        request.Headers.UserAgent.ParseAdd(UserAgent);
        if (body is not null)
        {
            request.Content = files is { Count: > 0 } ? Multipart(body, files) : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        return await client.SendAsync(request, linked.Token);
    }

    private static MultipartFormDataContent Multipart(JsonNode body, IReadOnlyList<ReplyFile> files)
    {
        var payload = body.DeepClone().AsObject();
        var attachments = new JsonArray();
        var content = new MultipartFormDataContent();
        for (var i = 0; i < files.Count; i++)
        {
            attachments.Add(new JsonObject { ["id"] = i, ["filename"] = files[i].FileName });
            var file = new ByteArrayContent(files[i].Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            content.Add(file, $"files[{i}]", files[i].FileName);
        }

        payload["attachments"] = attachments;
        content.Add(new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"), "payload_json");
        return content;
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

    private void Learn(RateLimitRoute route, RateLimitBucket bucket, HttpResponseMessage response)
    {
        var headers = response.Headers;
        if (Header(headers, "X-RateLimit-Bucket") is { } hash && (!_bucketOfRoute.TryGetValue(route.Template, out var known) || known != hash))
        {
            // Later requests of this route share the bucket Discord named; the state learnt now moves with it.
            _bucketOfRoute[route.Template] = hash;
            _buckets.TryAdd(hash + "|" + route.Major, bucket);
        }

        if (int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            bucket.Remaining = remaining;
        }

        if (double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var after))
        {
            bucket.ResetAt = clock.GetUtcNow() + TimeSpan.FromSeconds(after);
        }
    }

    private async Task WaitOutTooManyRequestsAsync(RateLimitRoute route, HttpResponseMessage response, CancellationToken ct)
    {
        var retryAfter = TimeSpan.Zero;
        var global = string.Equals(Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (doc.RootElement.TryGetProperty("retry_after", out var ra) && ra.TryGetDouble(out var seconds))
            {
                retryAfter = TimeSpan.FromSeconds(seconds);
            }

            global |= doc.RootElement.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            // Cloudflare's own 429 page is HTML; the header still says how long.
        }

        if (retryAfter <= TimeSpan.Zero && double.TryParse(Header(response.Headers, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var headerSeconds))
        {
            retryAfter = TimeSpan.FromSeconds(headerSeconds);
        }

        retryAfter = retryAfter < MinimumRetryWait ? MinimumRetryWait : retryAfter;
        LogTooManyRequests(route.Display, retryAfter.TotalMilliseconds, global, Header(response.Headers, "X-RateLimit-Scope") ?? "-");
        metrics?.RateLimited(DiscordChatPlatform.PlatformKey, route.Display);
        if (global)
        {
            globalLimiter.PauseFor(retryAfter);
        }

        await Task.Delay(retryAfter, clock, ct);
    }

    private static async Task<JsonElement?> ReadAsync(RateLimitRoute route, HttpResponseMessage response, CancellationToken ct)
    {
        var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            int? code = null;
            var message = response.ReasonPhrase ?? "error";
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n))
                {
                    code = n;
                }

                if (doc.RootElement.TryGetProperty("message", out var m) && m.GetString() is { } msg)
                {
                    message = msg;
                }
            }
            catch (JsonException)
            {
            }

            throw new DiscordApiException(response.StatusCode, code, route.Display, message);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var body = JsonDocument.Parse(text);
        return body.RootElement.Clone();
    }

    private string BucketKey(RateLimitRoute route) =>
        (_bucketOfRoute.TryGetValue(route.Template, out var hash) ? hash : route.Template) + "|" + route.Major;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(8000, 250 * Math.Pow(2, attempt - 1)) * (0.75 + (Random.Shared.NextDouble() / 2)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit on {Route}: waiting {DelayMs} ms (global {Global}, scope {Scope})")]
    private partial void LogTooManyRequests(string route, double delayMs, bool global, string scope);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bucket of {Route} is empty: waiting {DelayMs} ms for its reset")]
    private partial void LogBucketWait(string route, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord answered {Status} to {Route}; retry {Attempt}")]
    private partial void LogServerErrorRetry(string route, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request to {Route} failed ({Error}) and is not sent again: Discord may have acted on it")]
    private partial void LogNotRepeated(string route, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request to {Route} failed ({Error}); retry {Attempt}")]
    private partial void LogNetworkRetry(string route, int attempt, string error);
}
