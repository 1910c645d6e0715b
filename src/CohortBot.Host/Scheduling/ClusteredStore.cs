using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CohortBot.Host.Scheduling;

/// <summary>
/// Quartz's own clustered ADO.NET job store on the bot's PostgreSQL database (issue 12): every
/// instance runs one scheduler over the same tables; a trigger is fired by exactly one of them
/// (Quartz's row locks), and when an instance stops checking in, another recovers its triggers
/// and re-runs the jobs that asked for recovery. SQLite keeps the in-memory store, rebuilt.
/// </summary>
internal static class ClusteredStore
{
    public const string SchedulerName = "cohortbot";

    /// <summary>How often an instance checks in; it is presumed dead once overdue by the misfire threshold.</summary>
    public static readonly TimeSpan DefaultCheckin = TimeSpan.FromSeconds(10);

    /// <summary>Quartz on the clustered store; <paramref name="configure"/> adds what the in-memory setup also has.</summary>
    public static IServiceCollection AddClusteredQuartz(this IServiceCollection services, string connectionString, TimeSpan checkin, Action<IQuartzBuilder>? configure = null) =>
        // Job data is strings only (MomentJob's), so it is stored as properties, readable in SQL.
        services.AddQuartz([new("quartz.scheduler.instanceName", SchedulerName), new("quartz.jobStore.useProperties", "true")], q =>
        {
            q.UsePersistentStore(s =>
            {
                s.UsePostgres(connectionString);
                // Quartz's tables are Quartz's: it creates the ones missing from its own schema for
                // this version (and validates the rest), so they never enter the bot's migrations.
                s.ProvisionSchema();
                // Each instance gets a generated id; one overdue by the threshold is presumed dead.
                s.UseClustering(c =>
                {
                    c.CheckinInterval = checkin;
                    c.CheckinMisfireThreshold = checkin;
                });
            });
            configure?.Invoke(q);
        });
}
