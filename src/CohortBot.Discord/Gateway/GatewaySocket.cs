using System.Net.WebSockets;
using System.Text.Json.Serialization.Metadata;
using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Gateway;

/// <summary>
/// Whole-message reads and serialized writes over one WebSocket: a socket allows one send at a
/// time, and heartbeats are sent from their own loop while replies come from the reader. Closing
/// follows RFC 6455: a close frame from Discord is answered with one (else Discord sees 1006).
/// </summary>
internal sealed class GatewaySocket(WebSocket socket, TimeProvider clock)
{
    /// <summary>Discord closes with 4002 on a larger frame from a client.</summary>
    public const int MaxSendBytes = 4096;

    private const int MaxFrameBytes = 8 * 1024 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public int? CloseCode => (int?)socket.CloseStatus;

    public string CloseDescription => socket.CloseStatusDescription ?? string.Empty;

    /// <summary>The next complete message, or null when the peer sent a close frame.</summary>
    public async Task<byte[]?> ReceiveAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (buffer.Length > MaxFrameBytes)
            {
                throw new WebSocketException("Gateway frame larger than " + MaxFrameBytes + " bytes.");
            }

            if (result.EndOfMessage)
            {
                return buffer.ToArray();
            }
        }
    }

    public async Task SendAsync<TData>(GatewayCommand<TData> command, JsonTypeInfo<GatewayCommand<TData>> type, CancellationToken ct)
    {
        var bytes = DiscordJson.Serialize(command, type);
        if (bytes.Length > MaxSendBytes)
        {
            throw new InvalidOperationException($"Gateway op {command.Op} is {bytes.Length} bytes; Discord allows {MaxSendBytes}.");
        }

        await _sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a close frame with <paramref name="code"/>; anything but 1000/1001 keeps the session resumable.</summary>
    public Task CloseAsync(WebSocketCloseStatus code, string reason) => CloseOutputAsync(code, reason);

    /// <summary>Answers Discord's close frame with the same code, completing the closing handshake.</summary>
    public Task AnswerCloseAsync() =>
        socket.State == WebSocketState.CloseReceived
            ? CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.Empty, socket.CloseStatus is null ? null : socket.CloseStatusDescription)
            : Task.CompletedTask;

    /// <summary>Drops the connection without waiting for anything.</summary>
    public void Abort() => socket.Abort();

    private async Task CloseOutputAsync(WebSocketCloseStatus code, string? reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout, clock);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await socket.CloseOutputAsync(code, reason, timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
        }
    }
}
