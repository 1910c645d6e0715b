using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CohortBot.Fakes.Discord;

/// <summary>
/// An in-process Discord on loopback: REST under <c>/api/v10</c>, the gateway WebSocket, and a
/// CDN path for attachments. Records every request so tests can check them (and validate them
/// against Discord's OpenAPI description).
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string ApiPrefix = "/api/v10";
    public const string ApplicationId = "700000000000000001";
    public const string GuildId = "800000000000000001";

    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<(Func<RecordedRequest, bool> Match, CannedResponse Response)> _canned = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeDiscord(WebApplication app)
    {
        _app = app;
        Gateway = new FakeGateway(() => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume");
    }

    public FakeGateway Gateway { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public string ApiBaseUrl => BaseUrl + ApiPrefix;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, byte[]> CdnFiles { get; } = new();

    /// <summary>Bodies that did not match Discord's OpenAPI request schema; disposing the fake fails the test if any.</summary>
    public ConcurrentQueue<string> SchemaViolations { get; } = new();

    public TimeSpan CdnDelay { get; set; }

    /// <summary>What <c>/gateway/bot</c> reports as Identifies left, and when the budget resets (ms).</summary>
    public (int Remaining, long ResetAfterMs) SessionStartLimit { get; set; } = (999, 0);

    /// <summary>Headers added to every normal REST answer (e.g. a bucket that runs dry).</summary>
    public Func<RecordedRequest, IReadOnlyDictionary<string, string>>? RateLimitHeaders { get; set; }

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().TrimEnd('/');
        return fake;
    }

    /// <summary>The next request matching <paramref name="match"/> gets <paramref name="response"/> instead of the normal answer.</summary>
    public void Enqueue(Func<RecordedRequest, bool> match, params CannedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _canned.Enqueue((match, response));
        }
    }

    public string CdnUrl(string name) => BaseUrl + "/cdn/attachments/" + name;

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived.</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = Requests.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(50), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No matching request arrived. Seen: " + string.Join(", ", Requests.Select(r => r.Method + " " + r.ApiPath)));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!SchemaViolations.IsEmpty)
        {
            throw new InvalidOperationException("The adapter sent bodies Discord's OpenAPI description refuses:\n" + string.Join("\n", SchemaViolations));
        }
    }

    /// <summary>Every JSON body is checked as it arrives, so no test can forget to.</summary>
    private void CheckSchema(RecordedRequest request)
    {
        if (request.Json is null)
        {
            return;
        }

        try
        {
            foreach (var error in OpenApiValidator.Validate(request))
            {
                SchemaViolations.Enqueue(error);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException)
        {
            SchemaViolations.Enqueue(ex.Message);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (http.WebSockets.IsWebSocketRequest && path is "/gateway" or "/resume")
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await Gateway.AcceptAsync(socket, path, http.RequestAborted);
            return;
        }

        if (path.StartsWith("/cdn/attachments/", StringComparison.Ordinal))
        {
            await ServeCdnAsync(http, path["/cdn/attachments/".Length..]);
            return;
        }

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(http.Request.Method, path, body, http.Request.Headers.Authorization, http.Request.Headers.UserAgent, http.Request.ContentType, _clock.Elapsed);
        CheckSchema(request);
        Requests.Enqueue(request);
        _arrived.Release();

        if (TakeCanned(request) is { } canned)
        {
            await WriteAsync(http, canned.Status, canned.Body, canned.Headers);
            return;
        }

        var (status, answer) = Route(request);
        await WriteAsync(http, status, answer, RateLimitHeaders?.Invoke(request) ?? DefaultHeaders(request));
    }

    private CannedResponse? TakeCanned(RecordedRequest request)
    {
        lock (_canned)
        {
            var items = _canned.ToList();
            var index = items.FindIndex(c => c.Match(request));
            if (index < 0)
            {
                return null;
            }

            _canned.Clear();
            for (var i = 0; i < items.Count; i++)
            {
                if (i != index)
                {
                    _canned.Enqueue(items[i]);
                }
            }

            return items[index].Response;
        }
    }

    private (int Status, string Body) Route(RecordedRequest request)
    {
        var api = request.ApiPath;
        if (request.Authorization != "Bot test-token")
        {
            return (401, """{"message":"401: Unauthorized","code":0}""");
        }

        return (request.Method, api) switch
        {
            ("GET", "/gateway/bot") => (200, new JsonObject
            {
                ["url"] = BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway",
                ["shards"] = 1,
                ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = SessionStartLimit.Remaining, ["reset_after"] = SessionStartLimit.ResetAfterMs, ["max_concurrency"] = 1 },
            }.ToJsonString()),
            ("POST", _) when Callback().IsMatch(api) => (204, string.Empty),
            ("PATCH", _) when EditOriginal().IsMatch(api) => (200, """{"id":"600000000000000001","channel_id":"500000000000000001"}"""),
            ("POST", "/users/@me/channels") => (200, new JsonObject { ["id"] = "55" + (string?)request.Json?["recipient_id"], ["type"] = 1 }.ToJsonString()),
            ("POST", _) when ChannelMessages().IsMatch(api) => (200, """{"id":"600000000000000002"}"""),
            ("PUT", _) when Commands().IsMatch(api) => (200, request.Body),
            _ => (404, """{"message":"404: Not Found","code":0}"""),
        };
    }

    private async Task ServeCdnAsync(HttpContext http, string name)
    {
        if (CdnDelay > TimeSpan.Zero)
        {
            await Task.Delay(CdnDelay, http.RequestAborted);
        }

        if (!CdnFiles.TryGetValue(name, out var bytes))
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.ContentType = "application/octet-stream";
        await http.Response.Body.WriteAsync(bytes);
    }

    private static IReadOnlyDictionary<string, string> DefaultHeaders(RecordedRequest request) => new Dictionary<string, string>
    {
        ["X-RateLimit-Limit"] = "50",
        ["X-RateLimit-Remaining"] = "49",
        ["X-RateLimit-Reset-After"] = "1",
        ["X-RateLimit-Bucket"] = "bucket-" + request.Method + "-" + Regex.Replace(request.ApiPath, @"\d+", ":id"),
    };

    private static async Task WriteAsync(HttpContext http, int status, string body, IReadOnlyDictionary<string, string> headers)
    {
        http.Response.StatusCode = status;
        foreach (var (key, value) in headers)
        {
            http.Response.Headers[key] = value;
        }

        if (status != 204 && body.Length > 0)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(body);
        }
    }

    [GeneratedRegex(@"^/interactions/\d+/[^/]+/callback$")]
    private static partial Regex Callback();

    [GeneratedRegex(@"^/webhooks/\d+/[^/]+/messages/@original$")]
    private static partial Regex EditOriginal();

    [GeneratedRegex(@"^/channels/\d+/messages$")]
    private static partial Regex ChannelMessages();

    [GeneratedRegex(@"^/applications/\d+(/guilds/\d+)?/commands$")]
    private static partial Regex Commands();
}
