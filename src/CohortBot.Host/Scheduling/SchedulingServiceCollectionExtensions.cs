using CohortBot.Core.Cohorts;
using CohortBot.Core.Notifications;
using CohortBot.Core.Schedules;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CohortBot.Host.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Options, the rebuilder and Quartz: the in-memory store on SQLite (docs/reliability.md says why),
    /// Quartz's clustered ADO.NET store on PostgreSQL (docs/scale-out.md).
    /// Call <see cref="AddScheduler"/> where the scheduler should start: after the database is ready.
    /// </summary>
    public static IServiceCollection AddCohortSchedules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).PostConfigure(o => o.ApplyDefaults()).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, DigestCronValidator>();
        services.AddOptions<ChannelOptions>().Configure(o => configuration.GetSection(ChannelOptions.Section).Bind(o.Platforms)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChannelOptions>, ChannelOptionsValidator>();
        services.AddSingleton<ICohortChangeListener, ScheduleRebuilder>();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (StorageProviders.IsPostgres(storage) && !string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            // Several instances on one database: Quartz's clustered store there (ClusteredStore says why).
            // Read here, where Quartz is set up; the options validator still refuses a value out of range at start.
            var checkin = configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>()?.ClusterCheckinInterval ?? ClusteredStore.DefaultCheckin;
            services.AddClusteredQuartz(storage.ConnectionString, checkin, q => q.UseDefaultThreadPool(p => p.MaxConcurrency = 4));
        }
        else
        {
            services.AddQuartz(q =>
            {
                // Misfires are decided per trigger (threshold = Schedules:GraceWindow); this is the floor for the sweep.
                q.UseInMemoryStore(s => s.MisfireThreshold = TimeSpan.FromMinutes(1));
                q.UseDefaultThreadPool(p => p.MaxConcurrency = 4);
            });
        }

        return services;
    }

    /// <summary>The hosted service that starts the scheduler, and on shutdown waits for running jobs.</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services) =>
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
}
