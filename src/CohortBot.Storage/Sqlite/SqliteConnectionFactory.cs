using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CohortBot.Storage.Sqlite;

/// <summary>
/// The only place connections are made: every one has foreign keys on and a busy timeout, so
/// concurrent writers wait for each other instead of failing with "database is locked".
/// </summary>
public sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    static SqliteConnectionFactory() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        DatabasePath = Path.GetFullPath(o.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(o.BusyTimeout.TotalSeconds),
            Pooling = true,
        }.ToString();
        _pragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(int)o.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON;");
    }

    public string DatabasePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await connection.ExecuteAsync(_pragmas);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction (BEGIN IMMEDIATE) and commits it.</summary>
    public async Task<T> InTransactionAsync<T>(Func<SqliteConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        // IMMEDIATE takes the write lock up front: a deferred transaction that later writes can fail
        // with SQLITE_BUSY without waiting, which busy_timeout cannot fix.
        await using var tx = connection.BeginTransaction(deferred: false);
        var result = await work(connection, tx);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Releases pooled handles so the file is closed (shutdown, tests deleting temp folders).</summary>
    public static void ReleaseAll() => SqliteConnection.ClearAllPools();
}
