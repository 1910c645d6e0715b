using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Core.Commands;

/// <summary>
/// What adapters call: runs one invocation in its own DI scope and keeps count of those in
/// flight, so shutdown can wait for them instead of cutting a write in half.
/// </summary>
public sealed class CommandRunner(IServiceScopeFactory scopes)
{
    private readonly object _gate = new();
    private int _inFlight;
    private TaskCompletionSource _idle = CompletedIdle();

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Runs the command. Pass a token that is cancelled only when the command should be abandoned,
    /// not merely because the host is stopping: stopping waits for it via <see cref="WaitIdleAsync"/>.
    /// </summary>
    public async Task<Reply> RunAsync(Invocation invocation, CancellationToken ct)
    {
        Enter();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CommandDispatcher>().DispatchAsync(invocation, ct);
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>Completes when no command is running, or when <paramref name="ct"/> gives up waiting.</summary>
    public Task WaitIdleAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(ct);
        }
    }

    private void Enter()
    {
        lock (_gate)
        {
            if (_inFlight++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource CompletedIdle()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
