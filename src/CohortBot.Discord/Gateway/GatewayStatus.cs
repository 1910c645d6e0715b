namespace CohortBot.Discord.Gateway;

/// <summary>The gateway's connection state, for health checks and tests.</summary>
public sealed class GatewayStatus(TimeProvider clock)
{
    private readonly object _gate = new();
    private GatewayConnectionState _state = GatewayConnectionState.Disconnected;
    private long _acks;

    public event Action<GatewayConnectionState>? Changed;

    public GatewayConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public DateTimeOffset Since { get; private set; } = clock.GetUtcNow();

    /// <summary>Why the gateway stopped for good, when it did.</summary>
    public string? StopReason { get; private set; }

    public int ReadyCount { get; private set; }

    /// <summary>Heartbeat ACKs received since start: liveness as Discord sees it.</summary>
    public long HeartbeatAcks => Interlocked.Read(ref _acks);

    /// <summary>While reconnecting: how long the back-off waits before the next attempt.</summary>
    public TimeSpan? RetryIn { get; private set; }

    public int ResumedCount { get; private set; }

    internal void Set(GatewayConnectionState state, string? reason = null, TimeSpan? retryIn = null)
    {
        lock (_gate)
        {
            RetryIn = retryIn;
            if (state == GatewayConnectionState.Ready && _state != GatewayConnectionState.Ready)
            {
                Since = clock.GetUtcNow();
            }

            _state = state;
            StopReason = reason ?? StopReason;
        }

        Changed?.Invoke(state);
    }

    internal void CountAck()
    {
        Interlocked.Increment(ref _acks);
        Changed?.Invoke(State);
    }

    internal void CountReady(bool resumed)
    {
        lock (_gate)
        {
            if (resumed)
            {
                ResumedCount++;
            }
            else
            {
                ReadyCount++;
            }
        }
    }
}
