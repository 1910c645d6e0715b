using CohortBot.Core.Cohorts;
using CohortBot.Core.Platform;
using CohortBot.Host.CohortFile;
using CohortBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Startup;

/// <summary>
/// Runs before any adapter connects: applies migrations, then syncs the cohort file. Registered
/// first, so a database or cohort problem stops start-up before anyone can send a command.
/// </summary>
internal sealed partial class DatabaseStartup(
    Migrator migrator,
    CohortBot.Storage.Proofs.ProofRecovery proofs,
    CohortBot.Storage.Backups.DatabaseLock databaseLock,
    ICohortStore cohorts,
    CohortChanges changes,
    CohortDefinition definition,
    CohortFileFingerprint fingerprint,
    IPlatformStateStore state,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The lock file guards one SQLite file against a restore; several instances sharing one
        // PostgreSQL database is the point of that provider, and the migrator serialises their start.
        var sqlite = !StorageProviders.IsPostgres(storage.Value);
        if (sqlite && !databaseLock.TryAcquire(storage.Value.DatabasePath))
        {
            // Held by a restore (or a second bot on the same file): say so; the restore refuses while a bot holds it.
            LogLockHeld(CohortBot.Storage.Backups.DatabaseLock.PathFor(storage.Value.DatabasePath));
        }

        var applied = 0;
        CohortSyncResult? result = null;
        Cohort? unchanged = null;
        await GuardAsync(storage.Value.DatabasePath, async () =>
        {
            applied = await migrator.MigrateAsync(cancellationToken);
            await proofs.RecoverAsync(cancellationToken);
            unchanged = await UnchangedAsync(cancellationToken);
            if (unchanged is null)
            {
                result = await cohorts.SyncAsync(definition, clock.GetUtcNow(), cancellationToken);
                await state.SetAsync(CohortFileFingerprint.StateScope, CohortFileFingerprint.StateKey(definition.Slug), fingerprint.Value, cancellationToken);
            }
        });
        if (unchanged is not null)
        {
            await changes.PublishAsync(new CohortChange(unchanged.Id, CohortChangeKind.Synced, definition.Slug), cancellationToken);
            LogUnchanged(definition.Slug, applied);
            return;
        }

        await changes.PublishAsync(new CohortChange(result!.CohortId, CohortChangeKind.Synced, definition.Slug), cancellationToken);
        LogReady(definition.Slug, applied, result.WeeksAdded, result.WeeksUpdated, result.EventsAdded, result.EventsUpdated, result.EventsCancelled, result.RosterAdded);
    }

    /// <summary>The stored cohort when the file is exactly what was synced last time (and the cohort is there).</summary>
    private async Task<Cohort?> UnchangedAsync(CancellationToken ct)
    {
        var synced = await state.GetAsync(CohortFileFingerprint.StateScope, CohortFileFingerprint.StateKey(definition.Slug), ct);
        return synced == fingerprint.Value ? await cohorts.FindAsync(definition.Slug, ct) : null;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs the first database work of a process; a file SQLite cannot use (not a database, corrupt,
    /// unreadable, read-only) becomes a <see cref="StartupException"/> naming the file, not a stack trace.
    /// </summary>
    public static async Task GuardAsync(string databasePath, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (SqliteException ex)
        {
            var full = Path.GetFullPath(databasePath);
            var why = ex.SqliteErrorCode switch
            {
                SQLitePCL.raw.SQLITE_NOTADB => "it is not a SQLite database",
                SQLitePCL.raw.SQLITE_CORRUPT => "the database is damaged",
                SQLitePCL.raw.SQLITE_CANTOPEN => "it cannot be opened or created (does its folder exist and is it writable?)",
                SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_PERM => "it is read-only for this user",
                _ => "SQLite error " + ex.SqliteErrorCode,
            };
            throw new StartupException($"the database {full} cannot be used: {why} ({ex.Message.TrimEnd('.')}). Point Storage:DatabasePath at the bot's database, or at a new file.", ex);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // A server that is down, refuses the login or lacks the database: a sentence, not a stack trace.
            throw new StartupException($"the PostgreSQL database cannot be used ({ex.Message.TrimEnd('.')}). Check Storage:ConnectionString and that the server is running.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {Cohort} ready ({Migrations} migrations applied; the cohort file is unchanged since its last sync)")]
    private partial void LogUnchanged(string cohort, int migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another process holds {LockFile}: a restore, or a second bot on the same database")]
    private partial void LogLockHeld(string lockFile);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Cohort {Cohort} ready ({Migrations} migrations applied; weeks +{WeeksAdded} ~{WeeksUpdated}; events +{EventsAdded} ~{EventsUpdated} -{EventsCancelled}; roster +{RosterAdded})")]
    private partial void LogReady(string cohort, int migrations, int weeksAdded, int weeksUpdated, int eventsAdded, int eventsUpdated, int eventsCancelled, int rosterAdded);
}
