using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Inbound;

/// <summary>
/// Starts the adapter runtime before the adapters connect and drains it after they stopped
/// receiving (hosted services stop in reverse order), within the host's shutdown timeout.
/// </summary>
public sealed partial class InboundRuntimeService(InboundRuntime runtime, ILogger<InboundRuntimeService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (runtime.Held > 0)
        {
            LogDraining(runtime.Held);
        }

        await runtime.DrainAsync(cancellationToken);
        LogDrained(runtime.Held);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: finishing {Count} delivery(ies) in flight")]
    private partial void LogDraining(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped with {Count} delivery(ies) left in the inbox for the next start")]
    private partial void LogDrained(int count);
}
