namespace CohortBot.Slack.SocketMode;

/// <summary>The Socket Mode connection as health checks and status pages see it.</summary>
public sealed class SlackConnectionStatus(TimeProvider clock)
{
    private readonly object _gate = new();

    /// <summary>Raised after the state or the open sockets change.</summary>
    public event Action? Changed;

    public SlackConnectionState State { get; private set; } = SlackConnectionState.Stopped;

    /// <summary>Sockets open right now; two during a refresh, briefly.</summary>
    public int OpenSockets { get; private set; }

    public DateTimeOffset? ConnectedSince { get; private set; }

    public DateTimeOffset? LastChange { get; private set; }

    /// <summary>Why the last socket ended: a disconnect reason such as <c>refresh_requested</c>, or <c>dropped</c>.</summary>
    public string? LastDisconnectReason { get; private set; }

    /// <summary>Completed envelopes received since start, for tests and status pages.</summary>
    public long EnvelopesReceived => Interlocked.Read(ref _envelopes);

    private long _envelopes;

    internal void Set(SlackConnectionState state, string? reason = null)
    {
        lock (_gate)
        {
            if (state == SlackConnectionState.Connected && State != SlackConnectionState.Connected)
            {
                ConnectedSince = clock.GetUtcNow();
            }
            else if (state != SlackConnectionState.Connected)
            {
                ConnectedSince = null;
            }

            State = state;
            LastDisconnectReason = reason ?? LastDisconnectReason;
            LastChange = clock.GetUtcNow();
        }

        Changed?.Invoke();
    }

    internal void SocketOpened()
    {
        lock (_gate)
        {
            OpenSockets++;
        }

        Changed?.Invoke();
    }

    internal void SocketClosed(string? reason)
    {
        lock (_gate)
        {
            OpenSockets = Math.Max(0, OpenSockets - 1);
            LastDisconnectReason = reason ?? LastDisconnectReason;
        }

        Changed?.Invoke();
    }

    internal void EnvelopeReceived() => Interlocked.Increment(ref _envelopes);
}
