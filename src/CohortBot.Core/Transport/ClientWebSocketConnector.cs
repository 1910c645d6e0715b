using System.Net.WebSockets;

namespace CohortBot.Core.Transport;

/// <summary>The real connector: a <see cref="ClientWebSocket"/> over the network.</summary>
public sealed class ClientWebSocketConnector : IWebSocketConnector
{
    public async Task<WebSocket> ConnectAsync(Uri url, TimeSpan keepAlive, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = keepAlive;
        try
        {
            await socket.ConnectAsync(url, ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
