using CohortBot.Host.Options;
using CohortBot.Storage.Backups;
using CohortBot.Storage.Postgres;
using CohortBot.Storage.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>
/// <c>cohortbot migrate-store --from sqlite:PATH --to postgres:CONNSTR [--force] [settings]</c>:
/// moves a cohort from the embedded SQLite file to PostgreSQL (issue 12). The target is migrated to
/// this build's schema first and must then be at the source's version; the copy is one transaction
/// that commits only if every table's row count and checksum read back equal the source's.
/// Exit codes: 0 copied and verified, 2 something to fix first (arguments, settings, a database that
/// cannot be used, versions that differ, a non-empty target), nothing written; 1 the copy did not
/// match (rolled back), or proof files the rows refer to are missing from the proof folder.
/// </summary>
public static class MigrateStoreVerb
{
    public const string Name = "migrate-store";

    private const string Usage = "Usage: cohortbot migrate-store --from sqlite:<file> --to postgres:<connection string> [--force] [--Section:Key=value …]";

    private const string ReferencedProofs = """
        SELECT file_sha256 FROM submissions WHERE file_sha256 IS NOT NULL
        UNION SELECT file_sha256 FROM certificate_submissions WHERE file_sha256 IS NOT NULL
        ORDER BY 1
        """;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (arguments, problems) = MigrateStoreArguments.Parse(args);
        var storage = problems.Count == 0 ? Settings(arguments.Settings, problems) : null;
        var connectionString = arguments.TargetConnectionString ?? storage?.ConnectionString;
        if (problems.Count == 0)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                problems.Add("--to postgres without a connection string takes Storage:ConnectionString (env COHORTBOT__STORAGE__CONNECTIONSTRING), which is not set.");
            }
            else if (arguments.TargetFromSettings && MigrateStoreArguments.ConnectionProblem(connectionString) is { } problem)
            {
                problems.Add("Storage:ConnectionString " + problem);
            }

            if (!File.Exists(arguments.SourcePath))
            {
                problems.Add($"there is no database at {Path.GetFullPath(arguments.SourcePath!)}.");
            }
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync("cohortbot migrate-store: " + problem);
            }

            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            return await MigrateAsync(Path.GetFullPath(arguments.SourcePath!), connectionString!, arguments.Force, storage!.ProofDirectory, stdout, stderr);
        }
        catch (MigrationRefusedException ex)
        {
            await stderr.WriteLineAsync("cohortbot migrate-store: " + ex.Message);
            return 2;
        }
        catch (SchemaTooNewException ex)
        {
            await stderr.WriteLineAsync("cohortbot migrate-store: " + ex.Message + " Nothing was written.");
            return 2;
        }
        catch (SqliteException ex)
        {
            await stderr.WriteLineAsync($"cohortbot migrate-store: the SQLite database {Path.GetFullPath(arguments.SourcePath!)} cannot be read ({ex.Message.TrimEnd('.')}). Nothing was written.");
            return 2;
        }
        catch (NpgsqlException ex)
        {
            // The server is down, refuses the login, lacks the database, or a bot holds the tables.
            await stderr.WriteLineAsync($"cohortbot migrate-store: the PostgreSQL database cannot be used ({ex.Message.TrimEnd('.')}). Check --to and that the server is running and idle. Nothing was written.");
            return 2;
        }
    }

    private static async Task<int> MigrateAsync(string sourcePath, string connectionString, bool force, string proofDirectory, TextWriter stdout, TextWriter stderr)
    {
        var ct = CancellationToken.None;
        using var held = new DatabaseLock();
        if (!held.TryAcquire(sourcePath))
        {
            // A cut-over: whatever a running bot wrote after the copy would never reach PostgreSQL.
            throw new MigrationRefusedException($"a running bot is using {sourcePath} (it holds {DatabaseLock.PathFor(sourcePath)}). Stop it first; nothing was written.");
        }

        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sourcePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync(ct);
        await using var sourceTx = source.BeginTransaction(deferred: true);
        var version = await SourceVersionAsync(source, sourceTx, sourcePath, ct);

        await using var target = new PostgresDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = connectionString }));
        await new Migrator(target, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        await using var connection = await target.OpenAsync(ct);
        var targetVersion = await StoreCopy.SchemaVersionAsync(connection, null, ct);
        if (targetVersion != version)
        {
            throw new MigrationRefusedException($"the target {target.Describe} is at schema version {targetVersion}, the source at {version}; nothing was written.");
        }

        var (tables, committed) = await StoreCopy.RunAsync(source, sourceTx, connection, force, ct);
        await MigrateStoreSummary.WriteAsync(stdout, tables);
        if (!committed)
        {
            await stderr.WriteLineAsync($"cohortbot migrate-store: the copy does not match the source in {string.Join(", ", tables.Where(t => !t.Matches).Select(t => t.Table))}; the transaction was rolled back and nothing was written.");
            return 1;
        }

        await stdout.WriteLineAsync($"Copied {tables.Sum(t => t.TargetRows)} rows in {tables.Count} tables from {sourcePath} to the {target.Describe} (schema version {version}); every table's count and checksum match.");
        return await CheckProofsAsync(source, sourceTx, proofDirectory, stdout, stderr, ct);
    }

    private static async Task<long> SourceVersionAsync(SqliteConnection source, SqliteTransaction tx, string path, CancellationToken ct)
    {
        var hasLedger = await source.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", transaction: tx, cancellationToken: ct)) > 0;
        var version = hasLedger ? await StoreCopy.SchemaVersionAsync(source, tx, ct) : null;
        if (version is null)
        {
            throw new MigrationRefusedException($"{path} is not a CohortBot database (it has no applied migrations); nothing was written.");
        }

        if (version < Migrator.LatestVersion)
        {
            throw new MigrationRefusedException(
                $"{path} is at schema version {version}, this build at {Migrator.LatestVersion}. Start this version of the bot on it once (it applies the migrations), stop it, then migrate; nothing was written.");
        }

        if (version > Migrator.LatestVersion)
        {
            throw new SchemaTooNewException(path, version.Value, Migrator.LatestVersion);
        }

        return version.Value;
    }

    private static async Task<int> CheckProofsAsync(SqliteConnection source, SqliteTransaction tx, string proofDirectory, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var referenced = (await source.QueryAsync<string>(new CommandDefinition(ReferencedProofs, transaction: tx, cancellationToken: ct))).ToList();
        var folder = Path.GetFullPath(proofDirectory);
        var missing = await ProofFolderCheck.MissingAsync(folder, referenced, ct);
        if (missing.Count == 0)
        {
            await stdout.WriteLineAsync($"Proof files: the rows refer to {referenced.Count}, all present and intact in {folder} (Storage:ProofDirectory; files are referenced by their SHA-256, not copied).");
            return 0;
        }

        await stderr.WriteLineAsync(
            $"cohortbot migrate-store: the database was copied, but {missing.Count} of the {referenced.Count} proof files its rows refer to are missing or damaged in {folder}: {string.Join(", ", missing)}. "
            + "The database needs nothing more: copy those files from the old proof folder into this one (or set Storage:ProofDirectory to the folder that has them), or accept them as lost.");
        return 1;
    }

    /// <summary>The settings as the bot reads them (files, COHORTBOT__ environment, command line), unknown keys refused.</summary>
    private static StorageOptions? Settings(string[] settings, List<string> problems)
    {
        var configuration = new ConfigurationManager();
        ConfigurationSources.Add(configuration, ConfigurationSources.EnvironmentName(), Directory.GetCurrentDirectory(), settings);
        problems.AddRange(KnownSettings.Problems(configuration));
        try
        {
            return configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message + (ex.InnerException is null ? string.Empty : " " + ex.InnerException.Message));
            return null;
        }
    }
}
