using System.Net.WebSockets;
using CohortBot.Core.Concurrency;
using CohortBot.Core.Transport;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. The receive loop only reads and hands each envelope on (to the
/// adapter runtime, which never blocks): a slow command must never delay the next envelope's
/// acknowledgement or Slack's pings.
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly TimeProvider _clock;
    private readonly Action<InboundRequest, Func<AckPayload?, Task>> _onEnvelope;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly InFlightCounter _inFlight = new();
    private Task _receiving = Task.CompletedTask;

    private SocketModeConnection(int id, WebSocket socket, TimeProvider clock, Action<InboundRequest, Func<AckPayload?, Task>> onEnvelope, ILogger logger)
    {
        Id = id;
        _socket = socket;
        _clock = clock;
        _onEnvelope = onEnvelope;
        _logger = logger;
    }

    public int Id { get; }

    /// <summary>Completes with the reason when Slack sends <c>disconnect</c>.</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    /// <summary>Completes when the socket is gone (closed by either side, or dropped).</summary>
    public Task Closed => _receiving;

    public static async Task<SocketModeConnection> OpenAsync(
        int id, Uri url, IWebSocketConnector connector, TimeSpan helloTimeout, TimeProvider clock, Action<InboundRequest, Func<AckPayload?, Task>> onEnvelope, ILogger logger, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(helloTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        // Slack pings the client; the socket answers those pings itself. The default keep-alive stays on.
        var socket = await connector.ConnectAsync(url, TimeSpan.FromSeconds(30), linked.Token);
        var connection = new SocketModeConnection(id, socket, clock, onEnvelope, logger);
        try
        {
            connection._receiving = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
            await connection._hello.Task.WaitAsync(linked.Token);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task AckAsync(string envelopeId, AckPayload? payload, CancellationToken ct)
    {
        var bytes = SlackJson.Serialize(new Acknowledgement(envelopeId, payload), SlackJson.Context.Acknowledgement);
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Waits (at most <paramref name="max"/>) for the envelopes received here to be acknowledged.</summary>
    public async Task WaitIdleAsync(TimeSpan max, TimeProvider clock)
    {
        try
        {
            // WaitAsync drops its timer once idle; a Task.Delay beside it would stay set for the whole span.
            await _inFlight.WhenIdleAsync(CancellationToken.None).WaitAsync(max, clock);
        }
        catch (TimeoutException)
        {
        }
    }

    public async Task CloseAsync(TimeSpan timeout)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var cts = new CancellationTokenSource(timeout, _clock);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
                await _receiving.WaitAsync(cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                _socket.Abort();
            }
        }

        await _stop.CancelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    LogClosedByPeer(Id, result.CloseStatus?.ToString(), result.CloseStatusDescription);
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxMessageBytes)
                {
                    LogTooLarge(Id, message.Length);
                    _socket.Abort();
                    return;
                }

                if (result.EndOfMessage)
                {
                    Handle(message.ToArray());
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (!_stop.IsCancellationRequested)
            {
                LogDropped(ex, Id);
            }
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("The socket closed before hello."));
        }
    }

    private void Handle(byte[] bytes)
    {
        if (!SlackJson.TryParse(bytes, SlackJson.Context.SocketModeFrame, out var frame))
        {
            LogMalformed(null, Id);
            return;
        }

        switch (frame.Type)
        {
            case SocketModeTypes.Hello:
                _hello.TrySetResult();
                return;
            case SocketModeTypes.Disconnect:
                var reason = string.IsNullOrEmpty(frame.Reason) ? "unknown" : frame.Reason;
                LogDisconnect(Id, reason);
                _disconnect.TrySetResult(reason);
                return;
        }

        var envelopeId = frame.EnvelopeId;
        if (string.IsNullOrEmpty(envelopeId))
        {
            LogMalformed(null, Id);
            return;
        }

        if (frame.Type is null)
        {
            // Nothing to run, but Slack would keep redelivering it: acknowledged, and logged.
            LogUntyped(Id, envelopeId);
            _ = AckQuietlyAsync(envelopeId);
            return;
        }

        var request = new InboundRequest(
            frame.Type,
            frame.Payload is { ValueKind: System.Text.Json.JsonValueKind.Object } payload ? payload : EmptyPayload,
            envelopeId,
            frame.AcceptsResponsePayload,
            frame.RetryAttempt ?? 0);
        // Counted until acknowledged: a retiring socket must first send the acknowledgements it owes.
        var unacknowledged = _inFlight.Enter();
        _onEnvelope(request, async payload =>
        {
            using (unacknowledged)
            {
                await AckAsync(envelopeId, payload, CancellationToken.None);
            }
        });
    }

    private async Task AckQuietlyAsync(string envelopeId)
    {
        try
        {
            await AckAsync(envelopeId, null, _stop.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogDropped(ex, Id);
        }
    }

    private static readonly System.Text.Json.JsonElement EmptyPayload = System.Text.Json.JsonDocument.Parse("{}").RootElement.Clone();

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack socket {Id} closed by Slack ({Status}: {Description})")]
    private partial void LogClosedByPeer(int id, string? status, string? description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack socket {Id} dropped")]
    private partial void LogDropped(Exception ex, int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack socket {Id} sent a {Bytes}-byte message, over the limit; dropping the socket")]
    private partial void LogTooLarge(int id, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack socket {Id} sent a frame that is not an envelope; ignored")]
    private partial void LogMalformed(Exception? ex, int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack socket {Id} sent envelope {EnvelopeId} without a readable type; acknowledged, not handled")]
    private partial void LogUntyped(int id, string envelopeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack socket {Id} asked to disconnect: {Reason}")]
    private partial void LogDisconnect(int id, string reason);
}
