namespace CohortBot.Core.Concurrency;

/// <summary>
/// Counts work in progress and tells when none is left, so a shutdown or a connection hand-over
/// can wait for what has started instead of cutting it off.
/// </summary>
public sealed class InFlightCounter
{
    private readonly Lock _gate = new();
    private int _count;
    private TaskCompletionSource _idle = Idle();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Counts one piece of work until the returned handle is disposed.</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            if (_count++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Exit(this);
    }

    /// <summary>Completes when nothing is in flight (at once if nothing is).</summary>
    public Task WhenIdleAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(ct);
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Idle()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private sealed class Exit(InFlightCounter owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
