using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using CohortBot.Core.Concurrency;
using CohortBot.Core.Fetching;
using CohortBot.Slack.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.WebApi;

/// <summary>
/// The transport under every Web API call: one request on the <see cref="HttpClientName"/> client,
/// whose pipeline (composed by IHttpClientFactory in <see cref="SlackServiceCollectionExtensions"/>)
/// adds the token, paces and waits out 429s, and retries what may be retried. This class writes
/// and reads the wire records and turns <c>ok:false</c> into <see cref="SlackApiException"/>. A
/// singleton that creates its client per call, so handlers and connections rotate as the factory means.
/// </summary>
internal sealed partial class SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "slack";

    /// <summary>
    /// The client for URLs Slack hands out (url_private, upload_url, response_url): only Slack's
    /// hosts or the configured API host, redirects checked hop by hop, no inside address.
    /// </summary>
    public const string FilesClientName = "slack-files";

    /// <summary>A method that takes JSON (chat.*, conversations.open, views.open); <paramref name="channel"/> picks the chat queue.</summary>
    public Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, string? channel, CancellationToken ct)
        where TResponse : ISlackResponse
    {
        var content = new ByteArrayContent(SlackJson.Serialize(body, requestType));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return SendAsync(method, content, responseType, channel, appToken: false, ct);
    }

    /// <summary>For methods that take no JSON body (users.info, files.*).</summary>
    public Task<TResponse> CallFormAsync<TResponse>(string method, IReadOnlyDictionary<string, string> form, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
        where TResponse : ISlackResponse =>
        SendAsync(method, new FormUrlEncodedContent(form), responseType, null, appToken: false, ct);

    /// <summary>apps.connections.open, the one method that takes the app-level token.</summary>
    public Task<TResponse> CallWithAppTokenAsync<TResponse>(string method, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
        where TResponse : ISlackResponse =>
        SendAsync(method, new FormUrlEncodedContent([]), responseType, null, appToken: true, ct);

    /// <summary>Posts to a response_url: the URL itself is the credential, so no token goes with it.</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, ResponseMessage message, CancellationToken ct)
    {
        const string step = "response_url";
        if (!FilePolicy(options.Value).Allows(responseUrl))
        {
            throw new SlackApiException(step, "untrusted_host", GuardedHttp.Describe(responseUrl));
        }

        var content = new ByteArrayContent(SlackJson.Serialize<AckPayload>(message, SlackJson.Context.AckPayload));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = Step(HttpMethod.Post, responseUrl, step, content);
        using var response = await Guarded(step, responseUrl, () => Files.SendAsync(request, ct));
        EnsureSuccess(step, response);
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
            request.Options.Set(SlackRequestOptions.Method, step);
            if (IsSlackHost(request.RequestUri!))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotToken);
            }
        }, ct));
        EnsureSuccess(step, response);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await BoundedRead.CopyAtMostAsync(stream, target, limit, ct);
    }

    /// <summary>
    /// Sends a file's bytes to the upload_url from files.getUploadURLExternal. The URL must be on
    /// Slack's hosts (or the configured API host), as it gets the bot token; a 429 is waited out
    /// by the pipeline like any call. Neither the URL nor the token is ever logged or put in an exception.
    /// </summary>
    public async Task UploadAsync(Uri uploadUrl, byte[] content, string contentType, CancellationToken ct)
    {
        const string step = "files.upload_url";
        if (!IsSlackHost(uploadUrl))
        {
            throw new SlackApiException(step, "untrusted_host", uploadUrl.Host);
        }

        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        using var request = Step(HttpMethod.Post, uploadUrl, step, body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotToken);
        using var response = await Guarded(step, uploadUrl, () => Files.SendAsync(request, ct));
        EnsureSuccess(step, response);
    }

    /// <summary>Slack's own hosts over https, and the configured API host (which may be local: the operator chose it).</summary>
    internal static FileFetchPolicy FilePolicy(SlackOptions options)
    {
        var slack = FileOrigin.TryParse("*.slack.com", out var origin) ? origin : throw new InvalidOperationException("Slack's file origin does not parse.");
        var local = !slack.MatchesHost(options.ApiBaseUrl.IdnHost);
        // The configured API host may not be a valid file origin (then only Slack's own hosts are allowed).
        return FileOrigin.TryParse(options.ApiBaseUrl.GetLeftPart(UriPartial.Authority), out var api, allowPrivateAddress: local) && api is not null
            ? new FileFetchPolicy([slack, api])
            : new FileFetchPolicy([slack]);
    }

    private HttpClient Files => httpClients.CreateClient(FilesClientName);

    private string BotToken => options.Value.BotToken ?? throw new InvalidOperationException("Slack:BotToken is not set.");

    private async Task<TResponse> SendAsync<TResponse>(string method, HttpContent content, JsonTypeInfo<TResponse> responseType, string? channel, bool appToken, CancellationToken ct)
        where TResponse : ISlackResponse
    {
        using var request = Step(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, method), method, content);
        request.Options.Set(SlackRequestOptions.Paced, true);
        request.Options.Set(SlackRequestOptions.AppToken, appToken);
        if (channel is not null)
        {
            request.Options.Set(SlackRequestOptions.Channel, channel);
        }

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        EnsureSuccess(method, response);
        var text = await response.Content.ReadAsByteArrayAsync(ct);
        if (!SlackJson.TryParse(text, responseType, out var body))
        {
            throw new SlackApiException(method, "invalid_response", "not the documented answer");
        }

        if (!body.Ok)
        {
            var error = string.IsNullOrEmpty(body.Error) ? "unknown_error" : body.Error;
            LogFailed(method, error);
            throw new SlackApiException(method, error);
        }

        return body;
    }

    private static HttpRequestMessage Step(HttpMethod method, Uri url, string step, HttpContent content)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Options.Set(SlackRequestOptions.Method, step);
        return request;
    }

    private void EnsureSuccess(string step, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackApiException(step, "ratelimited", $"still limited after {options.Value.MaxRateLimitRetries + 1} attempts");
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            LogFailed(step, error);
            throw new SlackApiException(step, error);
        }
    }

    private bool IsSlackHost(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps && (url.Host == "slack.com" || url.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase)))
        || (url.Scheme == options.Value.ApiBaseUrl.Scheme && string.Equals(url.Authority, options.Value.ApiBaseUrl.Authority, StringComparison.OrdinalIgnoreCase));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered ok=false: {Error}")]
    private partial void LogFailed(string method, string error);
}
