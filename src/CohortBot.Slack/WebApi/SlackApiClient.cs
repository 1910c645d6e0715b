using System.Globalization;
using CohortBot.Core.Concurrency;
using CohortBot.Core.Diagnostics;
using CohortBot.Core.Fetching;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.WebApi;

/// <summary>
/// The transport under every Web API call: bearer token in the header (never in a body or a log),
/// per-key pacing, 429s waited out with Retry-After, and <c>ok:false</c> turned into
/// <see cref="SlackApiException"/>.
/// </summary>
internal sealed partial class SlackApiClient(
    HttpClient http,
    IHttpClientFactory httpClients,
    IOptions<SlackOptions> options,
    SlackRateLimiter limiter,
    TimeProvider clock,
    ILogger<SlackApiClient> logger,
    PlatformMetrics? metrics = null)
{
    /// <summary>
    /// The client for URLs Slack hands out (url_private, upload_url, response_url): only Slack's
    /// hosts or the configured API host, redirects checked hop by hop, no inside address.
    /// </summary>
    public const string FilesClientName = "slack-files";

    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(5);

    public Task<JsonObject> CallJsonAsync(string method, JsonObject body, CancellationToken ct) =>
        SendAsync(method, BotToken, (body["channel"] as JsonValue)?.ToString(), () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);

    /// <summary>For methods that take no JSON body (users.info, files.info).</summary>
    public Task<JsonObject> CallFormAsync(string method, IReadOnlyDictionary<string, string> form, CancellationToken ct) =>
        SendAsync(method, BotToken, null, () => new FormUrlEncodedContent(form), ct);

    /// <summary>apps.connections.open, the one method that takes the app-level token.</summary>
    public Task<JsonObject> CallWithAppTokenAsync(string method, CancellationToken ct) =>
        SendAsync(method, options.Value.AppToken ?? throw new InvalidOperationException("Slack:AppToken is not set."), null, () => new FormUrlEncodedContent([]), ct);

    /// <summary>Posts to a response_url: the URL itself is the credential, so no token goes with it.</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, JsonObject message, CancellationToken ct)
    {
        const string step = "response_url";
        if (!FilePolicy(options.Value).Allows(responseUrl))
        {
            throw new SlackApiException(step, "untrusted_host", GuardedHttp.Describe(responseUrl));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await Guarded(step, responseUrl, () => Files.SendAsync(request, ct));
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(step, "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Downloads a private file with the bot token into <paramref name="target"/>, copying at most <paramref name="limit"/> bytes.</summary>
    public async Task<long> DownloadAsync(Uri url, Stream target, long limit, CancellationToken ct)
    {
        const string step = "files.download";
        if (!IsSlackHost(url))
        {
            // The bot token must never leave for a host that is not Slack's.
            throw new SlackApiException(step, "untrusted_host", url.Host);
        }

        // Redirects are followed only inside the policy, and the token goes only to Slack's hosts.
        using var response = await Guarded(step, url, () => GuardedHttp.GetAsync(Files, url, FilePolicy(options.Value), request =>
        {
            if (IsSlackHost(request.RequestUri!))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotToken);
            }
        }, ct));
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(step, "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await BoundedRead.CopyAtMostAsync(stream, target, limit, ct);
    }

    /// <summary>Slack's own hosts over https, and the configured API host (which may be local: the operator chose it).</summary>
    internal static FileFetchPolicy FilePolicy(SlackOptions options)
    {
        FileOrigin.TryParse("*.slack.com", out var slack);
        var local = !slack.MatchesHost(options.ApiBaseUrl.IdnHost);
        FileOrigin.TryParse(options.ApiBaseUrl.GetLeftPart(UriPartial.Authority), out var api, allowPrivateAddress: local);
        return new FileFetchPolicy(api is null ? [slack] : [slack, api]);
    }

    private HttpClient Files => httpClients.CreateClient(FilesClientName);

    private static async Task<HttpResponseMessage> Guarded(string step, Uri url, Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex) when (ex is FetchRefusedException || ex.InnerException is FetchRefusedException)
        {
            throw new SlackApiException(step, "untrusted_host", GuardedHttp.Describe(url));
        }
    }

    /// <summary>
    /// Sends a file's bytes to the upload_url from files.getUploadURLExternal. The URL must be on
    /// Slack's hosts (or the configured API host), as it gets the bot token; a 429 is waited out
    /// like any Web API call. Neither the URL nor the token is ever logged or put in an exception.
    /// </summary>
    public async Task UploadAsync(Uri uploadUrl, byte[] content, string contentType, CancellationToken ct)
    {
        const string step = "files.upload_url";
        if (!IsSlackHost(uploadUrl))
        {
            throw new SlackApiException(step, "untrusted_host", uploadUrl.Host);
        }

        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ByteArrayContent(content) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotToken);
            using var response = await Guarded(step, uploadUrl, () => Files.SendAsync(request, ct));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                metrics?.RateLimited(SlackPlatform.Name, step);
                if (attempt >= options.Value.MaxRateLimitRetries)
                {
                    throw new SlackApiException(step, "ratelimited", $"still limited after {attempt + 1} attempts");
                }

                var wait = RetryAfter(response);
                LogRateLimited(step, uploadUrl.Host, wait.TotalSeconds, attempt + 1);
                await Task.Delay(wait, clock, ct);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                LogFailed(step, "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                throw new SlackApiException(step, "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            return;
        }
    }

    private string BotToken => options.Value.BotToken ?? throw new InvalidOperationException("Slack:BotToken is not set.");

    private bool IsSlackHost(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps && (url.Host == "slack.com" || url.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase)))
        || (url.Scheme == options.Value.ApiBaseUrl.Scheme && string.Equals(url.Authority, options.Value.ApiBaseUrl.Authority, StringComparison.OrdinalIgnoreCase));

    private async Task<JsonObject> SendAsync(string method, string token, string? channel, Func<HttpContent> content, CancellationToken ct)
    {
        var (key, limit) = RateLimit.For(method, channel);
        using var lease = await limiter.AcquireAsync(key, limit, ct);
        var uri = new Uri(options.Value.ApiBaseUrl, method);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                metrics?.RateLimited(SlackPlatform.Name, method);
                var wait = RetryAfter(response);
                if (attempt >= options.Value.MaxRateLimitRetries)
                {
                    throw new SlackApiException(method, "ratelimited", $"still limited after {attempt + 1} attempts");
                }

                LogRateLimited(method, key, wait.TotalSeconds, attempt + 1);
                await Task.Delay(wait, clock, ct);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException(method, "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            JsonObject body;
            try
            {
                body = JsonNode.Parse(text) as JsonObject ?? throw new SlackApiException(method, "invalid_response", "not a JSON object");
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new SlackApiException(method, "invalid_response", ex.Message);
            }

            if (body["ok"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            {
                var error = (body["error"] as JsonValue)?.ToString() ?? "unknown_error";
                LogFailed(method, error);
                throw new SlackApiException(method, error);
            }

            return body;
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : DefaultRetryAfter);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestRetryAfter ? LongestRetryAfter : wait;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack rate-limited {Method} (queue {Key}); waiting {Seconds} s before attempt {Attempt}")]
    private partial void LogRateLimited(string method, string key, double seconds, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered ok=false: {Error}")]
    private partial void LogFailed(string method, string error);
}
