using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using CohortBot.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace CohortBot.Discord.Gateway;

/// <summary>
/// One gateway connection, from Hello to close. The receive loop only reads and routes: each
/// interaction is handed to its own task, because a slow handler that blocked here would starve
/// heartbeat ACKs and make Discord (or our own zombie check) drop the connection.
/// </summary>
internal sealed partial class GatewayConnection(
    WebSocket socket,
    GatewaySession session,
    InteractionHandler interactions,
    GatewayStatus status,
    DiscordOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private readonly GatewaySocket _socket = new(socket);
    private volatile bool _acked = true;
    private volatile bool _zombie;

    public int? CloseCode => _socket.CloseCode;

    public async Task<GatewayOutcome> RunAsync(bool resume, CancellationToken stopping)
    {
        using var life = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Task heartbeat = Task.CompletedTask;
        try
        {
            var hello = await ReceiveHelloAsync(life.Token);
            if (hello is null)
            {
                return Fallback();
            }

            heartbeat = HeartbeatLoopAsync(TimeSpan.FromMilliseconds(hello.Value), life.Token);
            if (resume && session.CanResume)
            {
                status.Set(GatewayConnectionState.Resuming);
                await _socket.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = options.Token, ["session_id"] = session.SessionId, ["seq"] = session.Sequence } }, life.Token);
            }
            else
            {
                session.Clear();
                await _socket.SendAsync(Identify(), life.Token);
            }

            return await ReceiveLoopAsync(life.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down");
            return GatewayOutcome.Stopping;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            LogDropped(_zombie ? "no heartbeat ACK (zombie connection)" : ex.Message);
            return Fallback();
        }
        finally
        {
            await life.CancelAsync();
            await heartbeat.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<GatewayOutcome> ReceiveLoopAsync(CancellationToken ct)
    {
        while (true)
        {
            var frame = await _socket.ReceiveAsync(ct);
            if (frame is null)
            {
                return Closed();
            }

            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(frame);
                root = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                LogMalformedFrame(frame.Length);
                continue;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                LogMalformedFrame(frame.Length);
                continue;
            }

            var op = root.TryGetProperty("op", out var o) && o.TryGetInt32(out var n) ? n : -1;
            var d = root.TryGetProperty("d", out var dv) ? dv : default;
            switch (op)
            {
                case 0:
                    OnDispatch(root, d);
                    break;
                case 1:
                    await SendHeartbeatAsync(ct);
                    break;
                case 7:
                    LogReconnectRequested();
                    await _socket.CloseAsync((WebSocketCloseStatus)4000, "reconnect requested");
                    return GatewayOutcome.Resume;
                case 9:
                    var resumable = d.ValueKind == JsonValueKind.True;
                    LogInvalidSession(resumable);
                    if (!resumable)
                    {
                        session.Clear();
                    }

                    await _socket.CloseAsync((WebSocketCloseStatus)4000, "invalid session");
                    return resumable && session.CanResume ? GatewayOutcome.Resume : GatewayOutcome.Identify;
                case 11:
                    _acked = true;
                    break;
                default:
                    LogUnknownOp(op);
                    break;
            }
        }
    }

    private void OnDispatch(JsonElement root, JsonElement d)
    {
        if (root.TryGetProperty("s", out var s) && s.TryGetInt64(out var seq))
        {
            session.Saw(seq);
        }

        var type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "READY":
                if (DiscordInteraction.TryString(d, "session_id", out var id) && DiscordInteraction.TryString(d, "resume_gateway_url", out var url))
                {
                    session.Started(id, url);
                }

                status.CountReady(resumed: false);
                status.Set(GatewayConnectionState.Ready);
                LogReady();
                break;
            case "RESUMED":
                status.CountReady(resumed: true);
                status.Set(GatewayConnectionState.Ready);
                LogResumed(session.Sequence ?? -1);
                break;
            case "INTERACTION_CREATE":
                interactions.Dispatch(d);
                break;
        }
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            // The first beat is jittered so a fleet of reconnecting clients does not beat in step.
            await Task.Delay(interval * Random.Shared.NextDouble(), clock, ct);
            while (!ct.IsCancellationRequested)
            {
                if (!_acked)
                {
                    _zombie = true;
                    LogZombie();
                    // Any code but 1000/1001 keeps the session resumable.
                    _socket.Abort();
                    return;
                }

                await SendHeartbeatAsync(ct);
                await Task.Delay(interval, clock, ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private Task SendHeartbeatAsync(CancellationToken ct)
    {
        _acked = false;
        return _socket.SendAsync(new JsonObject { ["op"] = 1, ["d"] = session.Sequence }, ct);
    }

    private JsonObject Identify() => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = options.Token,
            // Slash commands need no intent: INTERACTION_CREATE is always sent.
            ["intents"] = 0,
            ["properties"] = new JsonObject { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "cohortbot", ["device"] = "cohortbot" },
        },
    };

    private async Task<long?> ReceiveHelloAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.HelloTimeout);
        var frame = await _socket.ReceiveAsync(timeout.Token);
        if (frame is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(frame);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("op", out var op) && op.TryGetInt32(out var n) && n == 10
            && root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("heartbeat_interval", out var hi) && hi.TryGetInt64(out var ms) && ms > 0)
        {
            return ms;
        }

        LogNoHello();
        return null;
    }

    private GatewayOutcome Closed()
    {
        var code = CloseCode ?? 0;
        LogClosed(code, _socket.CloseDescription);
        if (GatewayCloseCodes.IsFatal(code))
        {
            return GatewayOutcome.Fatal;
        }

        if (GatewayCloseCodes.NeedsNewSession(code))
        {
            session.Clear();
        }

        return Fallback();
    }

    private GatewayOutcome Fallback() => session.CanResume ? GatewayOutcome.Resume : GatewayOutcome.Identify;

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway READY")]
    private partial void LogReady();

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway RESUMED at sequence {Sequence}")]
    private partial void LogResumed(long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord asked us to reconnect (op 7)")]
    private partial void LogReconnectRequested();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord invalidated the session (op 9, resumable {Resumable})")]
    private partial void LogInvalidSession(bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat ACK since the last beat: dropping the zombie connection to resume")]
    private partial void LogZombie();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway connection dropped: {Reason}")]
    private partial void LogDropped(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord closed the gateway with {Code} {Description}")]
    private partial void LogClosed(int code, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed gateway frame of {Bytes} bytes")]
    private partial void LogMalformedFrame(int bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored gateway op {Op}")]
    private partial void LogUnknownOp(int op);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway's first frame was not Hello")]
    private partial void LogNoHello();
}
