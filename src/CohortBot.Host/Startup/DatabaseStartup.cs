using CohortBot.Core.Cohorts;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Host.Startup;

/// <summary>
/// Runs before any adapter connects: applies migrations, then syncs the cohort file. Registered
/// first, so a database or cohort problem stops start-up before anyone can send a command.
/// </summary>
internal sealed partial class DatabaseStartup(
    Migrator migrator,
    ICohortStore cohorts,
    CohortChanges changes,
    CohortDefinition definition,
    TimeProvider clock,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        var result = await cohorts.SyncAsync(definition, clock.GetUtcNow(), cancellationToken);
        await changes.PublishAsync(new CohortChange(result.CohortId, CohortChangeKind.Synced, definition.Slug), cancellationToken);
        LogReady(definition.Slug, applied, result.WeeksAdded, result.WeeksUpdated, result.EventsAdded, result.EventsUpdated, result.EventsCancelled, result.RosterAdded);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Cohort {Cohort} ready ({Migrations} migrations applied; weeks +{WeeksAdded} ~{WeeksUpdated}; events +{EventsAdded} ~{EventsUpdated} -{EventsCancelled}; roster +{RosterAdded})")]
    private partial void LogReady(string cohort, int migrations, int weeksAdded, int weeksUpdated, int eventsAdded, int eventsUpdated, int eventsCancelled, int rosterAdded);
}
