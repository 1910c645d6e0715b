using CohortBot.Discord.Gateway;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Host.ScaleOut;

/// <summary>
/// On PostgreSQL (several instances), the Discord Gateway runs under a lease: Discord allows one
/// Gateway session per bot token to receive the events, and interactions reach every instance
/// through the HTTP endpoint anyway. On SQLite there is one instance, and the Gateway runs as is.
/// </summary>
internal static class GatewayLease
{
    public const string Name = "discord-gateway";

    public static void Apply(IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!StorageProviders.IsPostgres(storage) || string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            return;
        }

        var gateway = services.SingleOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DiscordGatewayService));
        if (gateway is null)
        {
            return;
        }

        var connectionString = storage.ConnectionString;
        services.Remove(gateway);
        services.AddSingleton(sp => new LeasedHostedService(
            ActivatorUtilities.CreateInstance<DiscordGatewayService>(sp),
            Name,
            connectionString,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeasedHostedService>>()));
        services.AddHostedService(sp => sp.GetRequiredService<LeasedHostedService>());

        // The Gateway's health check (same name) answers for the holder only; a standby is healthy.
        services.Configure<HealthCheckServiceOptions>(o =>
        {
            foreach (var registration in o.Registrations.Where(r => r.Name == Name))
            {
                var holderCheck = registration.Factory;
                registration.Factory = sp => new LeasedHealthCheck(sp.GetRequiredService<LeasedHostedService>(), holderCheck(sp));
            }
        });
    }
}
