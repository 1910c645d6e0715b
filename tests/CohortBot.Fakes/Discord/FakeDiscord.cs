using System.Collections.Concurrent;
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
/// against Discord's OpenAPI description). For load tests, <see cref="UseLean"/> turns the
/// recording down, <see cref="Interactions"/> applies Discord's answer rules and keeps each
/// interaction's timing, and <see cref="GlobalLimit"/> answers over-limit requests with 429s.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string ApiPrefix = "/api/v10";
    public const string ApplicationId = "700000000000000001";
    public const string GuildId = "800000000000000001";
    public const string DefaultToken = "test-token";

    /// <summary>Counter keys in <see cref="Traffic"/>.</summary>
    public const string GlobalServed = "global-served";
    public const string GlobalRefused = "global-429";
    public const string DmOpened = "dm-open";
    public const string ChannelMessages = "channel-message";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ConcurrentQueue<(Func<RecordedRequest, bool> Match, CannedResponse Response)> _canned = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeDiscord(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _time = clock;
        _started = clock.GetTimestamp();
        Interactions = new InteractionLedger(clock);
        Traffic = new TrafficCounter(clock);
        Gateway = new FakeGateway(() => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume", Interactions);
    }

    public FakeGateway Gateway { get; }

    /// <summary>The clock the fake records and judges by (the test's clock when it has one).</summary>
    public TimeProvider Clock => _time;

    public string BaseUrl { get; private set; } = string.Empty;

    public string ApiBaseUrl => BaseUrl + ApiPrefix;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, byte[]> CdnFiles { get; } = new();

    /// <summary>CDN names answered with a 302 to the given Location.</summary>
    public ConcurrentDictionary<string, string> CdnRedirects { get; } = new();

    /// <summary>Every CDN path asked for, in order (an attachment that must not be fetched leaves none).</summary>
    public ConcurrentQueue<string> CdnHits { get; } = new();

    /// <summary>Bodies that did not match Discord's OpenAPI request schema; disposing the fake fails the test if any.</summary>
    public ConcurrentQueue<string> SchemaViolations { get; } = new();

    /// <summary>When set, CDN downloads wait at it (a slow CDN, for exactly as long as the test wants).</summary>
    public Gate? CdnHold { get; set; }

    /// <summary>Fires whenever a request is recorded, and again once it is answered.</summary>
    public Pulse Arrived { get; } = new();

    /// <summary>What <c>/gateway/bot</c> reports as Identifies left, and when the budget resets (ms).</summary>
    public (int Remaining, long ResetAfterMs) SessionStartLimit { get; set; } = (999, 0);

    /// <summary>Headers added to every normal REST answer (e.g. a bucket that runs dry).</summary>
    public Func<RecordedRequest, IReadOnlyDictionary<string, string>>? RateLimitHeaders { get; set; }

    /// <summary>Each interaction sent through the gateway, its answers' timing, and Discord's answer rules (off by default).</summary>
    public InteractionLedger Interactions { get; }

    /// <summary>Discord's global per-bot limit on REST calls other than interaction callbacks and webhooks; none when null.</summary>
    public GlobalLimit? GlobalLimit { get; set; }

    /// <summary>What was served, in total and per second (see the key constants).</summary>
    public TrafficCounter Traffic { get; }

    /// <summary>The bot token the fake accepts (<c>Authorization: Bot …</c>).</summary>
    public string Token { get; set; } = DefaultToken;

    /// <summary>Keeps only the latest this many requests in <see cref="Requests"/>; all when null.</summary>
    public int? RecordLimit { get; set; }

    /// <summary>Checks every JSON body against Discord's OpenAPI description (on by default).</summary>
    public bool ValidateSchemas { get; set; } = true;

    /// <summary>Tells an error reply from a normal one, by the body of a callback or edit, for <see cref="InteractionTiming.ErrorReply"/>.</summary>
    public Func<string, bool>? IsErrorReply { get; set; }

    public static async Task<FakeDiscord> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeDiscord(app, clock ?? TimeProvider.System);
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

    /// <summary>
    /// For load tests: no schema validation, only the latest requests kept, and the gateway keeps a
    /// bounded replay buffer, so the fake's own cost stays flat however many requests arrive.
    /// </summary>
    public FakeDiscord UseLean(int keep = 256)
    {
        ValidateSchemas = false;
        RecordLimit = keep;
        Gateway.ReplayLimit = 4096;
        return this;
    }

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived.</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        try
        {
            return await Eventually.ValueAsync(() => Requests.FirstOrDefault(match), Arrived, "a matching request", timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("No matching request arrived. Seen: " + string.Join(", ", Requests.Select(r => r.Method + " " + r.ApiPath)));
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests match.</summary>
    public Task WaitForCountAsync(Func<RecordedRequest, bool> match, int count) =>
        Eventually.TrueAsync(() => Requests.Count(match) >= count, Arrived, $"{count} matching requests");

    /// <summary>
    /// A gateway connection in memory, as the adapter's WebSocket connector hands it out in tests:
    /// the gateway path (<c>/gateway</c> or <c>/resume</c>) is served by <see cref="Gateway"/>.
    /// </summary>
    public Task<System.Net.WebSockets.WebSocket> ConnectAsync(Uri url, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var (client, server) = InMemoryWebSocket.Pair();
        _ = Task.Run(async () =>
        {
            using (server)
            {
                await Gateway.AcceptAsync(server, url.AbsolutePath, _stopping.Token);
            }
        }, CancellationToken.None);
        return Task.FromResult(client);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!SchemaViolations.IsEmpty)
        {
            throw new InvalidOperationException("The adapter sent bodies Discord's OpenAPI description refuses:\n" + string.Join("\n", SchemaViolations));
        }
    }

    /// <summary>Time since the fake started, on its clock (the test's fake clock when it has one).</summary>
    private TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>The <c>payload_json</c> part of a multipart body, which Discord reads as the JSON body.</summary>
    private static async Task<string?> PayloadJsonAsync(string? contentType, byte[] body)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, new MemoryStream(body));
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            if (Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(disposition.Name).Value == "payload_json")
            {
                using var text = new StreamReader(section.Body);
                return await text.ReadToEndAsync();
            }
        }

        return null;
    }

    /// <summary>Every JSON body (and multipart <c>payload_json</c>) is checked as it arrives, so no test can forget to.</summary>
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

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var request = new RecordedRequest(http.Request.Method, path, System.Text.Encoding.UTF8.GetString(bytes), http.Request.Headers.Authorization, http.Request.Headers.UserAgent, http.Request.ContentType, Elapsed)
        {
            PayloadJson = await PayloadJsonAsync(http.Request.ContentType, bytes),
        };
        if (ValidateSchemas)
        {
            CheckSchema(request);
        }

        Record(request);
        if (TakeCanned(request) is { } canned)
        {
            if (canned.Hold is { } hold)
            {
                try
                {
                    await hold.PassAsync(http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // the client gave up waiting, as the test intended
                }
            }

            await WriteAsync(http, canned.Status, canned.Body, canned.Headers);
            return;
        }

        if (request.Authorization == "Bot " + Token && IsGloballyLimited(request.ApiPath) && GlobalLimit is { } limit)
        {
            if (!limit.TryTake(out var retryAfter))
            {
                Traffic.Add(GlobalRefused);
                var refusal = GlobalLimit.TooManyRequests(retryAfter);
                await WriteAsync(http, refusal.Status, refusal.Body, refusal.Headers);
                return;
            }

            Traffic.Add(GlobalServed);
        }

        var (status, answer) = Route(request);
        await WriteAsync(http, status, answer, RateLimitHeaders?.Invoke(request) ?? DefaultHeaders(request));
        Arrived.Fire(); // again once answered: the interaction ledger has taken it in by now
    }

    private void Record(RecordedRequest request)
    {
        Requests.Enqueue(request);
        if (RecordLimit is { } keep)
        {
            while (Requests.Count > keep && Requests.TryDequeue(out _))
            {
            }
        }

        Arrived.Fire();
    }

    /// <summary>Interaction callbacks and webhooks are exempt from the global limit.</summary>
    private static bool IsGloballyLimited(string apiPath) =>
        !apiPath.StartsWith("/interactions/", StringComparison.Ordinal) && !apiPath.StartsWith("/webhooks/", StringComparison.Ordinal);

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
}
