using CohortBot.Core.Commands;
using CohortBot.Core.Inbound;
using CohortBot.Core.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CohortBot.Core.Diagnostics;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The instruments, one class per concern, each a singleton on the container's
    /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> when it has one.
    /// </summary>
    public static IServiceCollection AddTelemetryInstruments(this IServiceCollection services)
    {
        services.TryAddSingleton<CommandMetrics>();
        services.TryAddSingleton<InboundMetrics>();
        services.TryAddSingleton<OutboxMetrics>();
        services.TryAddSingleton<PlatformMetrics>();
        return services;
    }
}
