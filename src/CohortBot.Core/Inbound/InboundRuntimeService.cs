using Microsoft.Extensions.Hosting;

namespace CohortBot.Core.Inbound;

/// <summary>
/// Starts the adapter runtime before the adapters connect and drains it after they stopped
/// receiving (hosted services stop in reverse order), within the host's shutdown timeout.
/// </summary>
public sealed class InboundRuntimeService(InboundRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.DrainAsync(cancellationToken);
}
