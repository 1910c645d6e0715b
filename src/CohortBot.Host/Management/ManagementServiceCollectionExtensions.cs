using CohortBot.Host.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Management;

internal static class ManagementServiceCollectionExtensions
{
    /// <summary>
    /// Health checks (the database here; the adapters add their connections) and, when
    /// <c>Management:Enabled</c>, the listener that serves them. Call after the database start-up.
    /// </summary>
    public static IServiceCollection AddManagement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManagementOptions>, ManagementOptionsValidator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        if (configuration.GetValue<bool>($"{ManagementOptions.Section}:{nameof(ManagementOptions.Enabled)}"))
        {
            services.AddHostedService<ManagementService>();
        }

        return services;
    }
}
