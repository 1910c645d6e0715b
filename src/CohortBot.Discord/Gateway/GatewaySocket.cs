using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CohortBot.Discord.Gateway;

/// <summary>
/// Whole-message reads and serialized writes over one WebSocket: ClientWebSocket allows one send
/// at a time, and heartbeats are sent from their own loop while replies come from the reader.
/// </summary>
internal sealed class GatewaySocket(WebSocket socket)
{
    private const int MaxFrameBytes = 8 * 1024 * 1024;
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

    public async Task SendAsync(JsonObject payload, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
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

    /// <summary>Closes with <paramref name="code"/>; anything but 1000/1001 keeps the session resumable.</summary>
    public async Task CloseAsync(WebSocketCloseStatus code, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(code, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Drops the connection without a close frame (a zombie gets no goodbye).</summary>
    public void Abort() => socket.Abort();
}
