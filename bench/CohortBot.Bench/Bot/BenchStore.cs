using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CohortBot.Bench.Bot;

/// <summary>
/// Where the bot processes keep their data: a SQLite file per run, copied from the template file
/// (the default), or, with <c>postgres=CONNSTR</c>, a PostgreSQL database per run, created from the
/// template database by <c>CREATE DATABASE … TEMPLATE</c> (a file-level copy, as fast as the SQLite
/// one). The databases this run made are dropped at the end unless <c>keep=true</c>.
/// </summary>
public sealed class BenchStore : IDisposable
{
    private readonly string? _server;
    private readonly string _prefix = "bench_" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _created = [];

    public BenchStore(string? postgresServer) => _server = postgresServer;

    public bool IsPostgres => _server is not null;

    public string Name => IsPostgres ? "PostgreSQL" : "SQLite";

    /// <summary>The host's storage settings for a run's folder.</summary>
    public IEnumerable<string> Args(string folder) => IsPostgres
        ? ["--Storage:Provider=postgres", "--Storage:ConnectionString=" + ConnectionString(folder)]
        : ["--Storage:DatabasePath=" + Path.Combine(folder, "bot.db")];

    /// <summary>The run folder's own database, on the server given.</summary>
    public string ConnectionString(string folder) =>
        new NpgsqlConnectionStringBuilder(_server) { Database = DatabaseName(folder) }.ConnectionString;

    /// <summary>Makes the empty template database the first start imports into (PostgreSQL only; SQLite creates its file).</summary>
    public async Task CreateTemplateAsync(string folder)
    {
        if (IsPostgres)
        {
            await CreateAsync(DatabaseName(folder), template: null);
        }
    }

    public async Task<DbConnection> OpenAsync(string folder)
    {
        DbConnection db = IsPostgres
            ? new NpgsqlConnection(ConnectionString(folder))
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bot.db"), Pooling = false }.ToString());
        await db.OpenAsync();
        return db;
    }

    /// <summary>A run's copy of the template.</summary>
    public async Task CopyAsync(string templateFolder, string folder)
    {
        if (!IsPostgres)
        {
            File.Copy(Path.Combine(templateFolder, "bot.db"), Path.Combine(folder, "bot.db"), overwrite: true);
            return;
        }

        // A template database must have no sessions while it is copied.
        NpgsqlConnection.ClearAllPools();
        await CreateAsync(DatabaseName(folder), DatabaseName(templateFolder));
    }

    public static void ReleaseConnections()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private string DatabaseName(string folder)
    {
        var name = new string([.. Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return $"{_prefix}_{name}";
    }

    private async Task CreateAsync(string database, string? template)
    {
        await using var server = new NpgsqlConnection(_server);
        await server.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server))
        {
            await drop.ExecuteNonQueryAsync();
        }

        var sql = template is null ? $"CREATE DATABASE \"{database}\"" : $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"";
        await using (var create = new NpgsqlCommand(sql, server))
        {
            await create.ExecuteNonQueryAsync();
        }

        lock (_created)
        {
            _created.Add(database);
        }
    }

    public void Dispose()
    {
        if (!IsPostgres || _created.Count == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            using var server = new NpgsqlConnection(_server);
            server.Open();
            foreach (var database in _created)
            {
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
                drop.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"Could not drop the bench databases ({string.Join(", ", _created)}): {ex.Message}");
        }
    }
}
