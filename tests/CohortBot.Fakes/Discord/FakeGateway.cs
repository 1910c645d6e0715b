using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CohortBot.Fakes.Discord;

/// <summary>
/// The gateway half of the fake: Hello, Identify → READY, heartbeats and ACKs, Resume with replay
/// of missed events, op 7 / op 9 on request, close codes, and dispatches kept per session (all of
/// them, or the latest <see cref="ReplayLimit"/>). Interactions it sends are entered in the
/// ledger at the moment they go on the wire.
/// </summary>
public sealed class FakeGateway(Func<string> resumeUrl, InteractionLedger interactions)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SessionLog> _sessions = [];
    private Connection? _current;
    private int _sessionCounter;

    /// <summary>The interval Hello announces; about what Discord sends (41.25 s), and unlike any other timer of the bot.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>When false, a new connection never gets Hello (the client's Hello timeout must end it).</summary>
    public bool SendHello { get; set; } = true;

    public bool AckHeartbeats { get; set; } = true;

    /// <summary>If set, Identify is answered by closing with this code (e.g. 4004).</summary>
    public int? CloseOnIdentify { get; set; }

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Fires whenever <see cref="Log"/> grows or the live connection changes.</summary>
    public Pulse Changed { get; } = new();

    public ConcurrentQueue<JsonObject> Identifies { get; } = new();

    public ConcurrentQueue<JsonObject> Resumes { get; } = new();

    /// <summary>When each Identify arrived, as timestamps of the ledger's clock.</summary>
    public ConcurrentQueue<long> IdentifyTimes { get; } = new();

    /// <summary>Dispatches kept per session for Resume; all when null.</summary>
    public int? ReplayLimit { get; set; }

    public int Heartbeats => Log.Count(l => l == "heartbeat");

    public int ConnectionCount => Log.Count(l => l.StartsWith("connect", StringComparison.Ordinal));

    public string? CurrentSessionId { get; private set; }

    public async Task AcceptAsync(WebSocket socket, string path, CancellationToken ct)
    {
        var connection = new Connection(socket);
        Record("connect " + path);
        if (SendHello)
        {
            await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } }, ct);
        }

        try
        {
            // After this side's close frame (CloseAsync) the socket is CloseSent: it still reads, until
            // the client's answering close frame, which is what a test of the handshake waits for.
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var frame = await ReceiveAsync(socket, ct);
                if (frame is null)
                {
                    // Recorded before it is answered: a client that has the answer finds it in the log.
                    Record("client-close " + (int?)socket.CloseStatus);

                    // RFC 6455: a close frame is answered with one (unless this side closed first).
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.Empty, socket.CloseStatus is null ? null : socket.CloseStatusDescription, CancellationToken.None);
                    }

                    break;
                }

                if (socket.State == WebSocketState.Open)
                {
                    await OnFrameAsync(connection, JsonNode.Parse(frame)!.AsObject(), ct); // once closing, data is read and dropped
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or InvalidOperationException)
        {
            Record("dropped");
        }
        finally
        {
            lock (_gate)
            {
                if (_current == connection)
                {
                    _current = null;
                }
            }

            Changed.Fire();
        }
    }

    private async Task OnFrameAsync(Connection connection, JsonObject frame, CancellationToken ct)
    {
        switch ((int)frame["op"]!)
        {
            case 1:
                Record("heartbeat");
                if (AckHeartbeats)
                {
                    await connection.SendAsync(new JsonObject { ["op"] = 11 }, ct);
                }

                break;
            case 2:
                IdentifyTimes.Enqueue(interactions.Clock.GetTimestamp());
                Identifies.Enqueue(frame);
                Record("identify");
                if (CloseOnIdentify is { } code)
                {
                    await connection.Socket.CloseAsync((WebSocketCloseStatus)code, "closed by test", ct);
                    return;
                }

                string id;
                lock (_gate)
                {
                    id = "session-" + ++_sessionCounter;
                    _sessions[id] = new SessionLog();
                    CurrentSessionId = id;
                    _current = connection;
                }

                Changed.Fire();

                await DispatchAsync("READY", new JsonObject
                {
                    ["v"] = 10,
                    ["user"] = new JsonObject { ["id"] = "900", ["username"] = "cohortbot", ["bot"] = true },
                    ["guilds"] = new JsonArray(),
                    ["session_id"] = id,
                    ["resume_gateway_url"] = resumeUrl(),
                    ["application"] = new JsonObject { ["id"] = FakeDiscord.ApplicationId, ["flags"] = 0 },
                });
                break;
            case 6:
                Resumes.Enqueue(frame);
                Record("resume");
                var sessionId = (string?)frame["d"]?["session_id"];
                var seq = (long?)frame["d"]?["seq"] ?? 0;
                List<string>? missed;
                lock (_gate)
                {
                    missed = sessionId is not null && _sessions.TryGetValue(sessionId, out var events)
                        ? events.Frames.Where(e => e.Seq > seq).Select(e => e.Text).ToList()
                        : null;
                    if (missed is not null)
                    {
                        _current = connection;
                        CurrentSessionId = sessionId;
                    }
                }

                Changed.Fire();

                if (missed is null)
                {
                    await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false }, ct);
                    return;
                }

                foreach (var e in missed)
                {
                    await connection.SendTextAsync(e, ct);
                }

                await DispatchAsync("RESUMED", new JsonObject());
                break;
        }
    }

    private void Record(string entry)
    {
        Log.Enqueue(entry);
        Changed.Fire();
    }

    /// <summary>Sends a dispatch to the live connection, or keeps it for a Resume when there is none.</summary>
    public Task DispatchAsync(string type, JsonObject d)
    {
        var data = d.ToJsonString();
        return type == "INTERACTION_CREATE" && d["id"] is JsonValue id && d["token"] is JsonValue token
            ? DispatchInteractionAsync(data, id.ToString(), token.ToString())
            : SendDispatchAsync(type, data, null);
    }

    /// <summary>
    /// An <c>INTERACTION_CREATE</c> whose payload is already JSON text (the load test's fast path);
    /// it enters the ledger just before it is written to the socket.
    /// </summary>
    public Task DispatchInteractionAsync(string payloadJson, string id, string token) =>
        SendDispatchAsync("INTERACTION_CREATE", payloadJson, () => interactions.Sent(id, token));

    private async Task SendDispatchAsync(string type, string data, Action? beforeSend)
    {
        string frame;
        Connection? target;
        lock (_gate)
        {
            var events = _sessions[CurrentSessionId ?? throw new InvalidOperationException("No session yet.")];
            var seq = ++events.LastSeq;
            frame = string.Concat("""{"op":0,"t":""", JsonValue.Create(type).ToJsonString(), ""","s":""", seq.ToString(System.Globalization.CultureInfo.InvariantCulture), ""","d":""", data, "}");
            events.Frames.Enqueue((seq, frame));
            while (ReplayLimit is { } limit && events.Frames.Count > limit)
            {
                events.Frames.Dequeue();
            }

            target = _current;
        }

        beforeSend?.Invoke();
        if (target is not null)
        {
            try
            {
                await target.SendTextAsync(frame, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Missed: it will be replayed on Resume, as Discord does.
            }
        }
    }

    public async Task SendOpAsync(int op, JsonNode? d) => await (await LiveAsync()).SendAsync(new JsonObject { ["op"] = op, ["d"] = d }, CancellationToken.None);

    public async Task SendRawAsync(string text) => await (await LiveAsync()).SendTextAsync(text, CancellationToken.None);

    public async Task CloseAsync(int code)
    {
        var connection = await LiveAsync();
        lock (_gate)
        {
            _current = null;
        }

        await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by test", CancellationToken.None);
    }

    /// <summary>Drops the TCP connection with no close frame.</summary>
    public void Abort()
    {
        var connection = LiveAsync().GetAwaiter().GetResult();
        lock (_gate)
        {
            _current = null;
        }

        connection.Socket.Abort();
    }

    public void ForgetSessions()
    {
        lock (_gate)
        {
            _sessions.Clear();
            _sessions["dead"] = new SessionLog();
            CurrentSessionId = "dead";
        }
    }

    public bool HasLiveConnection
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>The identified or resumed connection that is open, waiting while the client reconnects.</summary>
    private Task<Connection> LiveAsync() => Eventually.ValueAsync(
        () =>
        {
            lock (_gate)
            {
                return _current is { Socket.State: WebSocketState.Open } live ? live : null;
            }
        },
        Changed,
        "a live gateway connection");

    private static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }
    }

    private sealed class Connection(WebSocket socket)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public WebSocket Socket { get; } = socket;

        public Task SendAsync(JsonObject frame, CancellationToken ct) => SendTextAsync(frame.ToJsonString(), ct);

        public async Task SendTextAsync(string text, CancellationToken ct)
        {
            await _send.WaitAsync(ct);
            try
            {
                await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);
            }
            finally
            {
                _send.Release();
            }
        }
    }

    private sealed class SessionLog
    {
        public long LastSeq { get; set; }

        public Queue<(long Seq, string Text)> Frames { get; } = new();
    }
}
