using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CohortBot.Storage.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> files in order, each in its own
/// transaction, and records them in <c>schema_migrations</c>. Forward only: a shipped migration is
/// never edited. A database migrated by a newer build is refused rather than misread.
/// </summary>
public sealed partial class Migrator(SqliteConnectionFactory connections, TimeProvider clock, ILogger<Migrator> logger)
{
    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            name        TEXT    NOT NULL,
            applied_at  INTEGER NOT NULL
        );
        """;

    private const string AppliedVersions = "SELECT version FROM schema_migrations ORDER BY version";

    private const string RecordVersion = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)";

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public static int LatestVersion => Embedded[^1].Version;

    public async Task<int> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        // WAL lets readers work while one writer commits; it is a property of the file, set once.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync(CreateLedger);
        var applied = (await connection.QueryAsync<long>(AppliedVersions)).ToHashSet();
        var newest = applied.Count == 0 ? 0 : applied.Max();
        if (newest > LatestVersion)
        {
            throw new SchemaTooNewException(connections.DatabasePath, newest, LatestVersion);
        }

        var count = 0;
        foreach (var migration in Embedded.Where(m => !applied.Contains(m.Version)))
        {
            await using var tx = connection.BeginTransaction(deferred: false);
            await connection.ExecuteAsync(migration.Sql, transaction: tx);
            await connection.ExecuteAsync(RecordVersion, new { migration.Version, migration.Name, AppliedAt = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx);
            await tx.CommitAsync(ct);
            LogApplied(migration.Version, migration.Name);
            count++;
        }

        return count;
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} {Name}")]
    private partial void LogApplied(int version, string name);
}

public sealed record Migration(int Version, string Name, string Sql);

public sealed class SchemaTooNewException(string path, long found, int supported)
    : Exception($"The database {path} has schema version {found}, but this build of CohortBot knows only up to {supported}. Run a newer CohortBot, or point Storage:DatabasePath at another file.");
