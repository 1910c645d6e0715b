using CohortBot.Core.Concurrency;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Core.Commands;

/// <summary>
/// What adapters call: runs one invocation in its own DI scope and keeps count of those in
/// flight, so shutdown can wait for them instead of cutting a write in half.
/// </summary>
public sealed class CommandRunner(IServiceScopeFactory scopes)
{
    private readonly InFlightCounter _inFlight = new();

    public int InFlight => _inFlight.Count;

    /// <summary>
    /// Runs the command. Pass a token that is cancelled only when the command should be abandoned,
    /// not merely because the host is stopping: stopping waits for it via <see cref="WaitIdleAsync"/>.
    /// </summary>
    public async Task<Reply> RunAsync(Invocation invocation, CancellationToken ct)
    {
        using var _ = _inFlight.Enter();
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommandDispatcher>().DispatchAsync(invocation, ct);
    }

    /// <summary>Completes when no command is running, or when <paramref name="ct"/> gives up waiting.</summary>
    public Task WaitIdleAsync(CancellationToken ct) => _inFlight.WhenIdleAsync(ct);
}
