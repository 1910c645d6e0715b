using CohortBot.Core.Cohorts;
using CohortBot.Core.Notifications;
using CohortBot.Core.Schedules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CohortBot.Host.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Options, the rebuilder and Quartz with the in-memory store (docs/reliability.md says why).
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
        services.AddQuartz(q =>
        {
            // Misfires are decided per trigger (threshold = Schedules:GraceWindow); this is the floor for the sweep.
            q.UseInMemoryStore(s => s.MisfireThreshold = TimeSpan.FromMinutes(1));
            q.UseDefaultThreadPool(p => p.MaxConcurrency = 4);
        });
        return services;
    }

    /// <summary>The hosted service that starts the scheduler, and on shutdown waits for running jobs.</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services) =>
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
}
