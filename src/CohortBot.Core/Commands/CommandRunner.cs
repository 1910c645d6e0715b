using System.Diagnostics;
using CohortBot.Core.Concurrency;
using CohortBot.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Core.Commands;

/// <summary>
/// What adapters call: runs one invocation in its own DI scope and keeps count of those in
/// flight, so shutdown can wait for them instead of cutting a write in half. Every command is
/// timed here (<see cref="CommandMetrics"/>) and traced as a span, whatever the platform.
/// </summary>
public sealed class CommandRunner
{
    private readonly InFlightCounter _inFlight = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly CommandMetrics _metrics;
    private readonly TimeProvider _clock;

    public CommandRunner(IServiceScopeFactory scopes, CommandMetrics? metrics = null, TimeProvider? clock = null)
    {
        _scopes = scopes;
        _metrics = metrics ?? new CommandMetrics();
        _clock = clock ?? TimeProvider.System;
        _metrics.ObserveInFlight(() => _inFlight.Count);
    }

    public int InFlight => _inFlight.Count;

    /// <summary>
    /// Runs the command. Pass a token that is cancelled only when the command should be abandoned,
    /// not merely because the host is stopping: stopping waits for it via <see cref="WaitIdleAsync"/>.
    /// </summary>
    public async Task<Reply> RunAsync(Invocation invocation, CancellationToken ct)
    {
        using var _ = _inFlight.Enter();
        var command = CommandMetrics.CommandTag(invocation.Command);
        var platform = invocation.User.Platform;
        using var span = CohortTelemetry.Source.StartActivity("command " + command, ActivityKind.Internal);
        span?.SetTag("cohortbot.platform", platform);
        span?.SetTag("cohortbot.command", command);
        var started = _clock.GetTimestamp();
        Reply? reply = null;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            reply = await scope.ServiceProvider.GetRequiredService<CommandDispatcher>().DispatchAsync(invocation, ct);
            return reply;
        }
        finally
        {
            var outcome = CommandMetrics.Outcome(reply);
            span?.SetTag("cohortbot.outcome", outcome);
            if (reply is null)
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            _metrics.Handled(platform, command, outcome, _clock.GetElapsedTime(started));
        }
    }

    /// <summary>Completes when no command is running, or when <paramref name="ct"/> gives up waiting.</summary>
    public Task WaitIdleAsync(CancellationToken ct) => _inFlight.WhenIdleAsync(ct);
}
