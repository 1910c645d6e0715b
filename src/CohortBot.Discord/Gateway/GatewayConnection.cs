using System.Net.WebSockets;
using System.Text.Json;
using CohortBot.Discord.Interactions;
using CohortBot.Discord.Wire;
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
    /// <summary>Our close code for a connection we give up on: not 1000/1001, so the session stays resumable.</summary>
    private const WebSocketCloseStatus Resumable = (WebSocketCloseStatus)GatewayCloseCode.UnknownError;

    /// <summary>How long a shutdown waits for Discord to answer its close frame.</summary>
    private static readonly TimeSpan ShutdownCloseWait = TimeSpan.FromSeconds(2);

    private static readonly DiscordJsonContext Json = DiscordJson.Context;
    private readonly GatewaySocket _socket = new(socket, clock);
    private volatile bool _acked = true;
    private volatile bool _zombie;
    private volatile bool _closing;

    public int? CloseCode => _socket.CloseCode;

    public async Task<GatewayOutcome> RunAsync(bool resume, CancellationToken stopping)
    {
        // Not linked to stopping: cancelling a receive aborts the socket (Discord would see 1006).
        // Stopping sends our close frame instead, and Discord's answer ends the receive loop.
        using var life = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        using var stop = stopping.Register(() => _ = CloseForShutdownAsync(life));
        Task heartbeat = Task.CompletedTask;
        try
        {
            var hello = await ReceiveHelloAsync(life.Token);
            if (hello is null)
            {
                return stopping.IsCancellationRequested ? GatewayOutcome.Stopping : Fallback();
            }

            heartbeat = HeartbeatLoopAsync(TimeSpan.FromMilliseconds(hello.HeartbeatInterval), life.Token);
            if (resume && session.CanResume)
            {
                status.Set(GatewayConnectionState.Resuming);
                await _socket.SendAsync(new GatewayCommand<ResumeCommand>(GatewayOpcode.Resume, new ResumeCommand(options.Token, session.SessionId!, session.Sequence)), Json.GatewayCommandResumeCommand, life.Token);
            }
            else
            {
                session.Clear();
                await _socket.SendAsync(Identify(), Json.GatewayCommandIdentifyCommand, life.Token);
            }

            var outcome = await ReceiveLoopAsync(life.Token);
            return stopping.IsCancellationRequested ? GatewayOutcome.Stopping : outcome;
        }
        catch (Exception ex) when (stopping.IsCancellationRequested && ex is OperationCanceledException or WebSocketException or IOException)
        {
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

    /// <summary>
    /// 1000 on purpose: the bot goes offline at once rather than lingering as a resumable session.
    /// Discord's answering close frame ends the receive loop; if it never comes, the loop is cut.
    /// </summary>
    private async Task CloseForShutdownAsync(CancellationTokenSource life)
    {
        try
        {
            _closing = true;
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down");
            life.CancelAfter(ShutdownCloseWait);
        }
        catch (ObjectDisposedException)
        {
            // The connection had already ended.
        }
    }

    private async Task<GatewayOutcome> ReceiveLoopAsync(CancellationToken ct)
    {
        while (true)
        {
            var frame = await _socket.ReceiveAsync(ct);
            if (frame is null)
            {
                await _socket.AnswerCloseAsync();
                return _closing ? GatewayOutcome.Stopping : Closed();
            }

            if (!DiscordJson.TryParse(frame, Json.GatewayPayload, out var payload))
            {
                LogMalformedFrame(frame.Length);
                continue;
            }

            switch (payload.Op)
            {
                case GatewayOpcode.Dispatch:
                    OnDispatch(payload);
                    break;
                case GatewayOpcode.Heartbeat:
                    await SendHeartbeatAsync(ct);
                    break;
                case GatewayOpcode.Reconnect:
                    LogReconnectRequested();
                    await _socket.CloseAsync(Resumable, "reconnect requested");
                    return GatewayOutcome.Resume;
                case GatewayOpcode.InvalidSession:
                    var resumable = payload.D.ValueKind == JsonValueKind.True;
                    LogInvalidSession(resumable);
                    if (!resumable)
                    {
                        session.Clear();
                    }

                    await _socket.CloseAsync(Resumable, "invalid session");
                    return resumable && session.CanResume ? GatewayOutcome.Resume : GatewayOutcome.Identify;
                case GatewayOpcode.HeartbeatAck:
                    _acked = true;
                    status.CountAck();
                    break;
                default:
                    LogUnknownOp((int)payload.Op);
                    break;
            }
        }
    }

    private void OnDispatch(GatewayPayload payload)
    {
        if (payload.S is { } seq)
        {
            session.Saw(seq);
        }

        switch (payload.T)
        {
            case GatewayEvents.Ready:
                if (DiscordJson.TryParse(payload.D, Json.ReadyEvent, out var ready) && ready.SessionId is { Length: > 0 } id && ready.ResumeGatewayUrl is { Length: > 0 } url)
                {
                    session.Started(id, url);
                }

                status.CountReady(resumed: false);
                status.Set(GatewayConnectionState.Ready);
                LogReady();
                break;
            case GatewayEvents.Resumed:
                status.CountReady(resumed: true);
                status.Set(GatewayConnectionState.Ready);
                LogResumed(session.Sequence ?? -1);
                break;
            case GatewayEvents.InteractionCreate:
                interactions.Dispatch(payload.D);
                break;
        }
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            // The first beat is jittered so a fleet of reconnecting clients does not beat in step.
            await Task.Delay(interval * options.HeartbeatJitter(), clock, ct);
            while (!ct.IsCancellationRequested)
            {
                if (!_acked)
                {
                    _zombie = true;
                    LogZombie();
                    // Any code but 1000/1001 keeps the session resumable; a zombie is not waited for.
                    await _socket.CloseAsync(Resumable, "no heartbeat ack");
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
        return _socket.SendAsync(new GatewayCommand<long?>(GatewayOpcode.Heartbeat, session.Sequence), Json.GatewayCommandNullableInt64, ct);
    }

    // Slash commands need no intent: INTERACTION_CREATE is always sent.
    private GatewayCommand<IdentifyCommand> Identify() => new(
        GatewayOpcode.Identify,
        new IdentifyCommand(options.Token, Intents: 0, new IdentifyProperties(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "cohortbot", "cohortbot")));

    private async Task<HelloEvent?> ReceiveHelloAsync(CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.HelloTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var frame = await _socket.ReceiveAsync(linked.Token);
        if (frame is null)
        {
            await _socket.AnswerCloseAsync();
            return null;
        }

        if (DiscordJson.TryParse(frame, Json.GatewayPayload, out var payload) && payload.Op == GatewayOpcode.Hello
            && DiscordJson.TryParse(payload.D, Json.HelloEvent, out var hello) && hello.HeartbeatInterval > 0)
        {
            return hello;
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
