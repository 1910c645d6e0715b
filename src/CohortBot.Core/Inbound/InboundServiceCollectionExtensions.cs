using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CohortBot.Core.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// The adapter runtime and the hosted service that starts and drains it. Each chat adapter
    /// calls this before registering its own services, so the runtime starts first and stops last;
    /// calling it twice registers it once. Options are bound by the host (section <c>Inbound</c>).
    /// </summary>
    public static IServiceCollection AddInboundRuntime(this IServiceCollection services)
    {
        services.AddOptions<InboundOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InboundMetrics>();
        services.TryAddSingleton<InboundRuntime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InboundRuntimeService>());
        return services;
    }
}
