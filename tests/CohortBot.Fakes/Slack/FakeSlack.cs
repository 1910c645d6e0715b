using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CohortBot.Fakes.Slack;

/// <summary>
/// An in-process Slack on loopback: the Web API methods the adapter calls, apps.connections.open
/// handing out tickets for a Socket Mode WebSocket, private file downloads that need the bot
/// token, the three steps of an external file upload (getUploadURLExternal, the upload_url,
/// completeUploadExternal), and response_url endpoints. Everything it receives is recorded for assertions.
/// For load tests, <see cref="UseLean"/> bounds the recording, <see cref="Envelopes"/> keeps each
/// envelope's timing and applies Slack's rules, <see cref="RedeliverAfter"/> sends unacked envelopes
/// again, and <see cref="MethodLimits"/> answers over-limit calls (users.info: Tier 4) with 429s.
/// </summary>
public sealed partial class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ReceivedAck>> _acks = new();
    private readonly List<FakeSocket> _sockets = [];
    private readonly ConcurrentDictionary<string, PendingUpload> _pending = new();
    private int _ticket;
    private int _fileId;
    private int _uploadsLimited;
    private int _uploadAttempts;
    private int _ts;
    private Task _redelivery = Task.CompletedTask;
    private readonly CancellationTokenSource _stopping = new();

    private FakeSlack(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
        Envelopes = new EnvelopeLedger(clock);
        Traffic = new TrafficCounter(clock);
    }

    public TimeProvider Clock { get; }

    /// <summary>Each envelope sent, its ack and answer timing, and Slack's rules for triggers and response URLs (off by default).</summary>
    public EnvelopeLedger Envelopes { get; }

    /// <summary>Calls served and refused per method (<c>api:{method}</c>, <c>429:{method}</c>), in total and per second.</summary>
    public TrafficCounter Traffic { get; }

    /// <summary>Per-method limits (e.g. users.info, 100 a minute); over the limit a call gets HTTP 429 with Retry-After.</summary>
    public ConcurrentDictionary<string, SlidingWindowLimit> MethodLimits { get; } = new(StringComparer.Ordinal);

    /// <summary>users.info calls per user id, refused ones included.</summary>
    public ConcurrentDictionary<string, int> UsersInfoCalls { get; } = new(StringComparer.Ordinal);

    /// <summary>Checks every Web API call against Slack's Web API description as it arrives (on by default; off when lean).</summary>
    public bool ValidateCalls { get; set; } = true;

    /// <summary>Calls that did not match Slack's description; disposing the fake fails the test if any.</summary>
    public ConcurrentQueue<string> SpecViolations { get; } = new();

    /// <summary>Keeps only the latest this many entries in <see cref="Calls"/> and <see cref="ResponsePosts"/>; all when null.</summary>
    public int? RecordLimit { get; set; }

    /// <summary>Sends an envelope again (with <c>retry_attempt</c>, <c>retry_reason</c>) when it is not acked in this long; never when null.</summary>
    public TimeSpan? RedeliverAfter { get; set; }

    public int MaxRedeliveries { get; set; } = 3;

    /// <summary>Tells an error reply from a normal one, by an ack payload or a response_url body.</summary>
    public Func<string, bool>? IsErrorReply { get; set; }

    /// <summary>views.open calls that were accepted: trigger id and view, for a load test to submit the modal.</summary>
    public event Action<string, JsonObject>? ViewOpened;

    internal bool Lean { get; private set; }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBase => new(BaseUrl, "api/");

    public ConcurrentQueue<ApiCall> Calls { get; } = new();

    public ConcurrentQueue<(string Id, JsonObject Body)> ResponsePosts { get; } = new();

    public ConcurrentQueue<(string FileId, string? Authorization)> Downloads { get; } = new();

    /// <summary>Method → how many of its next calls get a 429 with Retry-After: 1.</summary>
    public ConcurrentDictionary<string, int> RateLimited { get; } = new();

    /// <summary>Method → Slack error code to answer with (<c>ok:false</c>).</summary>
    public ConcurrentDictionary<string, string> Failures { get; } = new();

    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>File id → Location: its download answers with a 302 there.</summary>
    public ConcurrentDictionary<string, string> FileRedirects { get; } = new();

    /// <summary>Bytes POSTed to an upload_url, by file id, with the Authorization header they came with.</summary>
    public ConcurrentDictionary<string, (byte[] Bytes, string ContentType, string? Authorization)> Uploaded { get; } = new();

    /// <summary>Files shared by files.completeUploadExternal, in order.</summary>
    public ConcurrentQueue<SharedFile> Shared { get; } = new();

    /// <summary>How many upload_url POSTs were answered, 429s included.</summary>
    public int UploadAttempts => Volatile.Read(ref _uploadAttempts);

    /// <summary>When set, users.info calls wait at it (a slow Slack, for exactly as long as the test wants).</summary>
    public Gate? UsersInfoHold { get; set; }

    /// <summary>When set, views.open calls wait at it (a modal that cannot open in time).</summary>
    public Gate? ViewsOpenHold { get; set; }

    /// <summary>Fires whenever a call, an acknowledgement, a response_url post or a socket arrives.</summary>
    public Pulse Changed { get; } = new();

    /// <summary>Refuse new sockets (apps.connections.open answers ok:false) while set.</summary>
    public bool RefuseConnections { get; set; }

    /// <summary>New sockets open but never say hello while set (a Slack edge that accepted the socket and hung).</summary>
    public bool WithholdHello { get; set; }

    public System.Threading.Channels.Channel<FakeSocket> NewSockets { get; } = System.Threading.Channels.Channel.CreateUnbounded<FakeSocket>();

    public int ConnectionsOpened => Calls.Count(c => c.Method == "apps.connections.open");

    public static async Task<FakeSlack> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSlack(app, clock ?? TimeProvider.System);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (HttpContext c, string method) => fake.ApiAsync(c, method));
        app.Map("/link", fake.LinkAsync);
        app.MapGet("/files/{id}", (HttpContext c, string id) => fake.FileAsync(c, id));
        app.MapPost("/upload/{id}", (HttpContext c, string id) => fake.UploadAsync(c, id));
        app.MapPost("/response/{id}", (HttpContext c, string id) => fake.ResponseAsync(c, id));
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>The next <paramref name="count"/> POSTs to an upload_url get a 429 with Retry-After: 1.</summary>
    public void RateLimitUploads(int count) => Interlocked.Exchange(ref _uploadsLimited, count);

    public string ResponseUrl(string id)
    {
        Envelopes.IssueResponseUrl(id);
        return new Uri(BaseUrl, "response/" + id).ToString();
    }

    /// <summary>For load tests: only the latest calls kept, acks not waited on one by one.</summary>
    public FakeSlack UseLean(int keep = 256)
    {
        Lean = true;
        ValidateCalls = false;
        RecordLimit = keep;
        return this;
    }

    /// <summary>Starts the redelivery of unacked envelopes (<see cref="RedeliverAfter"/> must be set).</summary>
    public void StartRedelivery()
    {
        if (RedeliverAfter is not { } after || !_redelivery.IsCompleted)
        {
            return;
        }

        _redelivery = Task.Run(() => RedeliverLoopAsync(after, _stopping.Token));
    }

    /// <summary>The Socket Mode connections that are open now.</summary>
    public IReadOnlyList<FakeSocket> OpenSockets()
    {
        lock (_sockets)
        {
            return [.. _sockets.Where(s => s.IsOpen)];
        }
    }

    public IReadOnlyList<ApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public async Task<FakeSocket> NextSocketAsync()
    {
        using var cts = new CancellationTokenSource(Wait);
        return await NewSockets.Reader.ReadAsync(cts.Token);
    }

    public Task<ReceivedAck> AckFor(string envelopeId) =>
        _acks.GetOrAdd(envelopeId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(Wait);

    public async Task<ApiCall> WaitForCallAsync(string method, Func<ApiCall, bool>? match = null) =>
        await EventuallyAsync(() => Calls.FirstOrDefault(c => c.Method == method && (match?.Invoke(c) ?? true)), $"a call to {method}");

    public async Task<JsonObject> WaitForResponsePostAsync(string id) =>
        await EventuallyAsync(() => ResponsePosts.Where(p => p.Id == id).Select(p => p.Body).FirstOrDefault(), $"a post to response_url {id}");

    /// <summary>Waits for <paramref name="probe"/> to find something, re-checking whenever the fake sees traffic.</summary>
    public Task<T> EventuallyAsync<T>(Func<T?> probe, string what) => CohortBot.Fakes.Eventually.ValueAsync(probe, Changed, what);

    /// <summary>
    /// A Socket Mode connection in memory, as the adapter's WebSocket connector hands it out in
    /// tests: the ticket in the URL from apps.connections.open names the socket.
    /// </summary>
    public Task<WebSocket> ConnectAsync(Uri url, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var ticket = System.Web.HttpUtility.ParseQueryString(url.Query)["ticket"] ?? "0";
        var (client, server) = InMemoryWebSocket.Pair();
        _ = Task.Run(async () =>
        {
            using (server)
            {
                await ServeSocketAsync(server, int.Parse(ticket, CultureInfo.InvariantCulture));
            }
        }, CancellationToken.None);
        return Task.FromResult(client);
    }

    internal void RecordAck(JsonObject ack, FakeSocket socket)
    {
        var id = (ack["envelope_id"] as JsonValue)?.ToString() ?? string.Empty;
        var payload = ack["payload"];
        Envelopes.Acked(id, payload is not null, payload is not null && IsErrorReply?.Invoke(payload.ToJsonString()) == true);
        var received = new ReceivedAck(ack, socket.Id, Clock.GetUtcNow());
        if (!Lean)
        {
            _acks.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(received);
        }
        else if (_acks.TryGetValue(id, out var waiting))
        {
            waiting.TrySetResult(received);
        }

        Changed.Fire();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _redelivery.ContinueWith(_ => { }, TaskScheduler.Default);
        lock (_sockets)
        {
            foreach (var s in _sockets)
            {
                s.Abort();
            }
        }

        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        if (!SpecViolations.IsEmpty)
        {
            throw new InvalidOperationException("The adapter made calls Slack's Web API description refuses:\n" + string.Join("\n", SpecViolations.Distinct()));
        }
    }

    private async Task ApiAsync(HttpContext context, string method)
    {
        var parameters = new JsonObject();
        var contentType = context.Request.ContentType ?? string.Empty;
        if (contentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            parameters = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        }
        else if (context.Request.HasFormContentType)
        {
            foreach (var (key, value) in await context.Request.ReadFormAsync())
            {
                parameters[key] = value.ToString();
            }
        }

        var auth = context.Request.Headers.Authorization.ToString();
        var call = new ApiCall(method, contentType, parameters, auth, Clock.GetUtcNow());
        Bounded(Calls, call);
        if (ValidateCalls)
        {
            foreach (var problem in SlackWebApiSpec.Problems(call))
            {
                SpecViolations.Enqueue(problem);
            }
        }

        if (method == "users.info" && parameters["user"] is JsonValue user)
        {
            UsersInfoCalls.AddOrUpdate(user.ToString(), 1, (_, n) => n + 1);
        }

        // After the bookkeeping: a test woken by the pulse sees the call counted.
        Changed.Fire();

        if (RateLimited.TryGetValue(method, out var left) && left > 0 && RateLimited.TryUpdate(method, left - 1, left))
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
            return;
        }

        if (MethodLimits.TryGetValue(method, out var limit) && !limit.TryTake(out var retryAfter))
        {
            Traffic.Add("429:" + method);
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(Error("ratelimited"));
            return;
        }

        Traffic.Add("api:" + method);

        var expectedPrefix = method == "apps.connections.open" ? "Bearer xapp-" : "Bearer xoxb-";
        JsonObject body;
        if (!auth.StartsWith(expectedPrefix, StringComparison.Ordinal))
        {
            body = Error("not_authed");
        }
        else if (Failures.TryGetValue(method, out var error))
        {
            body = Error(error);
        }
        else
        {
            body = await AnswerAsync(method, parameters, context.RequestAborted);
        }

        await context.Response.WriteAsJsonAsync(body);
    }

    private async Task<JsonObject> AnswerAsync(string method, JsonObject p, CancellationToken ct)
    {
        string? S(string name) => (p[name] as JsonValue)?.ToString();
        switch (method)
        {
            case "apps.connections.open":
                if (RefuseConnections)
                {
                    return Error("internal_error");
                }

                var ticket = Interlocked.Increment(ref _ticket);
                var ws = new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/link/", Query = "ticket=" + ticket.ToString(CultureInfo.InvariantCulture) };
                return Ok(new() { ["url"] = ws.Uri.ToString() });
            case "chat.postMessage":
                return Ok(new() { ["channel"] = S("channel"), ["ts"] = NextTs(), ["message"] = new JsonObject { ["text"] = S("text") } });
            case "chat.postEphemeral":
                return Ok(new() { ["message_ts"] = NextTs() });
            case "chat.update":
                return Ok(new() { ["channel"] = S("channel"), ["ts"] = S("ts") });
            case "conversations.open":
                return Ok(new() { ["channel"] = new JsonObject { ["id"] = "D" + S("users") } });
            case "users.info":
                if (UsersInfoHold is { } hold)
                {
                    await hold.PassAsync(ct);
                }

                var user = S("user") ?? "U0";
                return Ok(new()
                {
                    ["user"] = new JsonObject
                    {
                        ["id"] = user,
                        ["name"] = "ada",
                        ["real_name"] = "Ada Lovelace",
                        ["tz"] = "Europe/Paris",
                        ["tz_offset"] = 3600,
                        ["locale"] = "en-US",
                        ["profile"] = new JsonObject { ["display_name"] = "Ada " + user },
                    },
                });
            case "views.open":
                if (ViewsOpenHold is { } viewsHold)
                {
                    await viewsHold.PassAsync(ct);
                }

                return OpenView(S("trigger_id"), p["view"]);
            case "files.getUploadURLExternal":
                if (S("filename") is not { Length: > 0 } filename || !long.TryParse(S("length"), CultureInfo.InvariantCulture, out var length) || length <= 0)
                {
                    return Error("missing_argument");
                }

                var fileId = "FU" + Interlocked.Increment(ref _fileId).ToString(CultureInfo.InvariantCulture);
                _pending[fileId] = new PendingUpload(filename, length);
                return Ok(new() { ["upload_url"] = new Uri(BaseUrl, "upload/" + fileId).ToString(), ["file_id"] = fileId });
            case "files.completeUploadExternal":
                return Complete(p);
            case "files.info":
                var id = S("file") ?? string.Empty;
                if (GeneratedImage.TryParse(id, out _, out var generatedSize))
                {
                    return FileInfo(id, generatedSize);
                }

                if (!Files.TryGetValue(id, out var bytes))
                {
                    return Error("file_not_found");
                }

                return FileInfo(id, bytes.Length);
            default:
                return Error("unknown_method");
        }
    }

    private async Task FileAsync(HttpContext context, string id)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        Downloads.Enqueue((id, auth));
        if (FileRedirects.TryGetValue(id, out var location))
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = location;
            return;
        }

        if (auth != "Bearer " + BotToken)
        {
            // Slack answers an unauthenticated download with its login page, never the file.
            context.Response.StatusCode = 401;
            return;
        }

        if (GeneratedImage.TryParse(id, out var seed, out var size))
        {
            context.Response.ContentType = "image/png";
            context.Response.ContentLength = size;
            await GeneratedImage.WriteAsync(context.Response.Body, seed, size, context.RequestAborted);
            return;
        }

        if (!Files.TryGetValue(id, out var bytes))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "image/png";
        await context.Response.Body.WriteAsync(bytes);
    }

    private JsonObject Complete(JsonObject p)
    {
        // Form-encoded, "files" is a JSON string; in a JSON body it may be the array itself.
        var files = p["files"] switch
        {
            JsonArray array => array,
            JsonValue value when value.TryGetValue<string>(out var text) => JsonNode.Parse(text) as JsonArray,
            _ => null,
        };
        if (files is null || files.Count == 0)
        {
            return Error("invalid_arguments");
        }

        var shared = new List<SharedFile>();
        foreach (var entry in files)
        {
            var id = (entry?["id"] as JsonValue)?.ToString() ?? string.Empty;
            if (!_pending.TryGetValue(id, out var pending) || !Uploaded.TryGetValue(id, out var upload))
            {
                return Error("file_not_found");
            }

            if (upload.Bytes.LongLength != pending.Length)
            {
                // Slack fails the upload when fewer or more bytes arrive than were announced.
                return Error("file_upload_failed");
            }

            shared.Add(new SharedFile(id, (entry?["title"] as JsonValue)?.ToString(), pending.FileName, upload.Bytes, (p["channel_id"] as JsonValue)?.ToString(), (p["initial_comment"] as JsonValue)?.ToString()));
        }

        foreach (var file in shared)
        {
            Shared.Enqueue(file);
        }

        // The call itself was announced when it arrived, before this: a waiter for the shared file needs its own pulse.
        Changed.Fire();

        return Ok(new() { ["files"] = new JsonArray([.. shared.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["title"] = f.Title, ["name"] = f.FileName })]) });
    }

    private async Task UploadAsync(HttpContext context, string id)
    {
        Interlocked.Increment(ref _uploadAttempts);
        if (Interlocked.Decrement(ref _uploadsLimited) >= 0)
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
            return;
        }

        Interlocked.Exchange(ref _uploadsLimited, 0);
        if (!_pending.ContainsKey(id))
        {
            context.Response.StatusCode = 404;
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        Uploaded[id] = (buffer.ToArray(), context.Request.ContentType ?? string.Empty, context.Request.Headers.Authorization.ToString());
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("OK - " + buffer.Length.ToString(CultureInfo.InvariantCulture));
    }

    private async Task ResponseAsync(HttpContext context, string id)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        if (Envelopes.ResponsePosted(id, IsErrorReply?.Invoke(body.ToJsonString()) == true) is { } refusal)
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(refusal);
            return;
        }

        Bounded(ResponsePosts, (id, body));
        Changed.Fire();
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("ok");
    }

    private async Task LinkAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        await ServeSocketAsync(ws, int.Parse(context.Request.Query["ticket"].ToString(), CultureInfo.InvariantCulture));
    }

    private async Task ServeSocketAsync(WebSocket ws, int ticket)
    {
        var socket = new FakeSocket(this, ws, ticket);
        lock (_sockets)
        {
            _sockets.Add(socket);
        }

        if (!WithholdHello)
        {
            await socket.SendAsync(new JsonObject
            {
                ["type"] = "hello",
                ["num_connections"] = 1,
                ["connection_info"] = new JsonObject { ["app_id"] = "A0TEST" },
                ["debug_info"] = new JsonObject { ["host"] = "fake", ["approximate_connection_time"] = 3600 },
            });
        }

        await NewSockets.Writer.WriteAsync(socket);
        Changed.Fire();
        await socket.ReceiveLoopAsync();
        Changed.Fire();
    }

    private string NextTs() => "1700000000." + Interlocked.Increment(ref _ts).ToString("000000", CultureInfo.InvariantCulture);

    private static JsonObject Ok(JsonObject fields)
    {
        fields["ok"] = true;
        return fields;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private sealed record PendingUpload(string FileName, long Length);
}

public sealed record ApiCall(string Method, string ContentType, JsonObject Parameters, string Authorization, DateTimeOffset At);

public sealed record ReceivedAck(JsonObject Ack, int SocketId, DateTimeOffset At);
