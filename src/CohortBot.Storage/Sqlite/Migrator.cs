using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CohortBot.Storage.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> files in order, each in its own
/// transaction, and records them in <c>schema_migrations</c>. Forward only: a shipped migration is
/// never edited. A database migrated by a newer build is refused rather than misread.
/// PostgreSQL has its own files (<c>Migrations/Postgres/NNNN_name.sql</c>) with the same numbers,
/// so a version means the same schema in either dialect.
/// </summary>
public sealed partial class Migrator(Database connections, TimeProvider clock, ILogger<Migrator> logger)
{
    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            name        TEXT    NOT NULL,
            applied_at  INTEGER NOT NULL
        );
        """;

    private const string CreateLedgerPostgres = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     BIGINT PRIMARY KEY,
            name        TEXT   NOT NULL,
            applied_at  BIGINT NOT NULL
        );
        """;

    // Several instances may start at once against one server: one migrates, the others wait for it
    // (a session lock, held across the per-migration transactions; the key is arbitrary but fixed).
    private const string LockPostgres = "SELECT pg_advisory_lock(4127001)";

    private const string UnlockPostgres = "SELECT pg_advisory_unlock(4127001)";

    private const string AppliedVersions = "SELECT version FROM schema_migrations ORDER BY version";

    private const string RecordVersion = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)";

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded(MigrationName());

    public static IReadOnlyList<Migration> EmbeddedPostgres { get; } = LoadEmbedded(PostgresMigrationName());

    public static int LatestVersion => Embedded[^1].Version;

    public static IReadOnlyList<Migration> For(Dialect dialect) => dialect == Dialect.Postgres ? EmbeddedPostgres : Embedded;

    public async Task<int> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var postgres = connections.Dialect == Dialect.Postgres;
        if (postgres)
        {
            await connection.ExecuteAsync(LockPostgres);
        }
        else
        {
            // WAL lets readers work while one writer commits; it is a property of the file, set once.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        try
        {
            return await ApplyAsync(connection, For(connections.Dialect), ct);
        }
        finally
        {
            if (postgres)
            {
                await connection.ExecuteAsync(UnlockPostgres);
            }
        }
    }

    private async Task<int> ApplyAsync(System.Data.Common.DbConnection connection, IReadOnlyList<Migration> embedded, CancellationToken ct)
    {
        await connection.ExecuteAsync(connections.Sql(CreateLedger, CreateLedgerPostgres));
        var applied = (await connection.QueryAsync<long>(AppliedVersions)).ToHashSet();
        var newest = applied.Count == 0 ? 0 : applied.Max();
        var latest = embedded[^1].Version;
        if (newest > latest)
        {
            throw new SchemaTooNewException(connections.Describe, newest, latest);
        }

        var count = 0;
        foreach (var migration in embedded.Where(m => !applied.Contains(m.Version)))
        {
            // SQLite: IMMEDIATE takes the write lock at once. PostgreSQL: DDL is transactional too.
            await using var tx = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(migration.Sql, transaction: tx);
            await connection.ExecuteAsync(RecordVersion, new { migration.Version, migration.Name, AppliedAt = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx);
            await tx.CommitAsync(ct);
            LogApplied(migration.Version, migration.Name);
            count++;
        }

        return count;
    }

    private static List<Migration> LoadEmbedded(Regex pattern)
    {
        var assembly = typeof(Migrator).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = pattern.Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            list.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (list.Count == 0 || list.Select(m => m.Version).Distinct().Count() != list.Count)
        {
            throw new InvalidOperationException("Embedded migrations are missing or have duplicate version numbers.");
        }

        return list;
    }

    [GeneratedRegex(@"\.Migrations\.(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    [GeneratedRegex(@"\.Migrations\.Postgres\.(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex PostgresMigrationName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} {Name}")]
    private partial void LogApplied(int version, string name);
}

public sealed record Migration(int Version, string Name, string Sql);

public sealed class SchemaTooNewException(string where, long found, int supported)
    : Exception($"The database {where} has schema version {found}, but this build of CohortBot knows only up to {supported}. Run a newer CohortBot, or point Storage:DatabasePath (or Storage:ConnectionString) at another database.");
