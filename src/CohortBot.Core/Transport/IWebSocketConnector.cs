using System.Net.WebSockets;

namespace CohortBot.Core.Transport;

/// <summary>
/// Opens the WebSockets the adapters keep (Discord's gateway, Slack's Socket Mode). A seam: tests
/// hand out in-memory sockets whose other end is a fake platform, so reconnects, drops and close
/// handshakes are tested without a network and on a fake clock.
/// </summary>
public interface IWebSocketConnector
{
    /// <param name="keepAlive">How often to send unsolicited pongs; zero when the protocol has its own heartbeat.</param>
    Task<WebSocket> ConnectAsync(Uri url, TimeSpan keepAlive, CancellationToken ct);
}
