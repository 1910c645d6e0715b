using System.Net.WebSockets;
using CohortBot.Core.Transport;

namespace CohortBot.Testing;

/// <summary>The adapters' WebSocket seam in tests: every connection goes to a fake platform, in memory.</summary>
public sealed class FakeConnector(Func<Uri, CancellationToken, Task<WebSocket>> connect) : IWebSocketConnector
{
    private int _attempts;

    /// <summary>Connections asked for so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>When set, the next connections fail as an unreachable host would.</summary>
    public bool Refuse { get; set; }

    public Task<WebSocket> ConnectAsync(Uri url, TimeSpan keepAlive, CancellationToken ct)
    {
        Interlocked.Increment(ref _attempts);
        return Refuse ? Task.FromException<WebSocket>(new WebSocketException(WebSocketError.Faulted, "connection refused (test)")) : connect(url, ct);
    }
}
