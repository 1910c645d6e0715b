using CohortBot.Storage.Sqlite;
using Npgsql;

namespace CohortBot.Testing;

/// <summary>
/// Which database the storage-backed suites run on. SQLite by default (the README's test command);
/// PostgreSQL when <c>COHORTBOT_TEST_PROVIDER=postgres</c>, which .ci/run sets for its second pass
/// over the storage, organizer and scheduling suites, with <c>COHORTBOT_TEST_POSTGRES</c> naming a
/// server where each test gets a database of its own (created empty, migrated by the test, dropped after).
/// </summary>
public static class TestStorage
{
    public const string ProviderVariable = "COHORTBOT_TEST_PROVIDER";
    public const string ServerVariable = "COHORTBOT_TEST_POSTGRES";
    public const string RequireVariable = "COHORTBOT_REQUIRE_POSTGRES";

    /// <summary>
    /// The trait (<c>Provider=sqlite-only</c>) of a test of SQLite itself: its file, lock, pragmas,
    /// query plans, single writer. The PostgreSQL pass leaves those out (<c>--filter Provider!=sqlite-only</c>).
    /// </summary>
    public const string Provider = "Provider";

    public const string SqliteOnly = "sqlite-only";

    public static bool Postgres => string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a missing server is a failure rather than a skip: in CI, always.</summary>
    public static bool PostgresRequired =>
        Postgres || Environment.GetEnvironmentVariable(RequireVariable) == "1"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;

    public static string RequiredServer => Server ?? throw new InvalidOperationException(
        $"{ServerVariable} is not set: these tests need a PostgreSQL server (a connection string whose user may create databases). "
        + ".ci/run starts a throw-away one with .ci/postgres.sh; locally: source .ci/postgres.sh.");

    /// <summary>The query that lists the bot's tables (column <c>name</c>), on either database.</summary>
    public static string TableNames(CohortBot.Storage.Dialect dialect) => dialect == CohortBot.Storage.Dialect.Postgres
        ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";

    /// <summary>A trigger that makes every insert into <paramref name="table"/> fail, to inject a fault inside a transaction.</summary>
    public static string RefuseInserts(CohortBot.Storage.Dialect dialect, string table, string name, string message) => dialect == CohortBot.Storage.Dialect.Postgres
        ? $"""
          CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message}'; END; $$;
          CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();
          """
        : $"CREATE TRIGGER {name} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END";

    public static string DropRefusal(CohortBot.Storage.Dialect dialect, string table, string name) => dialect == CohortBot.Storage.Dialect.Postgres
        ? $"DROP TRIGGER {name} ON {table}; DROP FUNCTION {name}();"
        : $"DROP TRIGGER {name}";

    /// <summary>Points <paramref name="options"/> at the suite's database: the SQLite file given, or a new PostgreSQL database.</summary>
    public static void Configure(StorageOptions options, string sqliteFile, Func<string> postgresDatabase)
    {
        options.DatabasePath = sqliteFile;
        if (Postgres)
        {
            options.Provider = StorageProviders.Postgres;
            options.ConnectionString = postgresDatabase();
        }
    }

    /// <summary>The host's command-line settings for the suite's database.</summary>
    public static IEnumerable<string> HostArguments(string sqliteFile, Func<string> postgresDatabase) => Postgres
        ? ["--Storage:DatabasePath=" + sqliteFile, "--Storage:Provider=postgres", "--Storage:ConnectionString=" + postgresDatabase()]
        : ["--Storage:DatabasePath=" + sqliteFile];
}

/// <summary>An empty database of its own on the test server, dropped (connections and all) on dispose.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public PostgresTestDatabase()
    {
        var server = new NpgsqlConnectionStringBuilder(TestStorage.RequiredServer);
        Name = "cohortbot_test_" + Guid.NewGuid().ToString("N");
        Admin = server.ConnectionString;
        Run($"CREATE DATABASE \"{Name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    private string Admin { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Run($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private void Run(string sql)
    {
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
