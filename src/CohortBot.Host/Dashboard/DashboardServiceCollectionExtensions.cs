using CohortBot.Core.Audit;
using CohortBot.Core.Dashboard;
using CohortBot.Storage.Audit;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Dashboard;

internal static class DashboardServiceCollectionExtensions
{
    /// <summary>Options always (validated at start); the listener, links and sessions only when <c>Dashboard:Enabled</c>, so <c>/dashboard</c> says it is off otherwise.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        if (!configuration.GetValue<bool>($"{DashboardOptions.Section}:{nameof(DashboardOptions.Enabled)}"))
        {
            return services;
        }

        services.AddSingleton(sp => new DashboardAddress(sp.GetRequiredService<IOptions<DashboardOptions>>().Value));
        services.AddSingleton<SignInLinks>();
        services.AddSingleton<IDashboardLinks>(sp => sp.GetRequiredService<SignInLinks>());
        services.AddSingleton<DashboardSessions>();
        services.AddSingleton<LivePulse>();
        services.AddSingleton<ParticipantGrid>();
        services.AddSingleton<DashboardRequests>();
        services.AddSingleton<IParticipantAudit, ParticipantAuditQuery>();
        services.AddHostedService<DashboardService>();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (StorageProviders.IsPostgres(storage))
        {
            // Several instances may serve the dashboard: each tells the others' live pages what changed.
            services.AddSingleton<PostgresLiveRelay>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresLiveRelay>());
        }

        return services;
    }
}
