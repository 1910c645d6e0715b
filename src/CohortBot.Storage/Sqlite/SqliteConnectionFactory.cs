using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CohortBot.Storage.Sqlite;

/// <summary>
/// The only place connections are made: every one has foreign keys on and a busy timeout, so
/// another process's writer (the export verb, a backup) is waited for instead of failing with
/// "database is locked". Reads open their own pooled connection; every write transaction goes
/// through the one <see cref="SqliteWriter"/>, which commits concurrent writes together.
/// </summary>
public sealed class SqliteConnectionFactory : Database
{
    private readonly string _connectionString;
    private readonly string _writerConnectionString;
    private readonly string _pragmas;
    private readonly SqliteWriter _writer;

    static SqliteConnectionFactory() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public SqliteConnectionFactory(IOptions<StorageOptions> options, TimeProvider? clock = null, ILoggerFactory? loggers = null)
    {
        _writer = new SqliteWriter(this, clock ?? TimeProvider.System, (loggers ?? NullLoggerFactory.Instance).CreateLogger<SqliteWriter>());
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
        // The writer's one long-lived connection is its own: after a fault it is closed for real and
        // reopened, never swapped for a pooled handle that cached the fault (a read-only file, say).
        _writerConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
        _pragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(int)o.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON;")
            + (o.MaxDatabaseBytes is { } max ? string.Create(CultureInfo.InvariantCulture, $" PRAGMA max_page_count = {Math.Max(1, max / StorageOptions.PageSize)};") : "");
    }

    public string DatabasePath { get; }

    public override Dialect Dialect => Dialect.Sqlite;

    public override string Describe => DatabasePath;

    public new Task<SqliteConnection> OpenAsync(CancellationToken ct) => OpenAsync(_connectionString, ct);

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct) => await OpenAsync(_connectionString, ct);

    internal Task<SqliteConnection> OpenForWriterAsync(CancellationToken ct) => OpenAsync(_writerConnectionString, ct);

    private async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            Diagnostics.SqliteTracing.Attach(connection);
            await connection.ExecuteAsync(_pragmas);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> atomically in the writer's next group transaction and completes
    /// after the commit. Everything one change needs (its audit entry included) belongs in one call.
    /// </summary>
    public override Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct) =>
        _writer.WriteAsync<T>((db, tx) => work(db, tx), ct);

    /// <summary>One write statement, through the writer; returns the rows it changed.</summary>
    public override Task<int> ExecuteAsync(string sql, object? args, CancellationToken ct) =>
        _writer.WriteAsync((db, tx) => db.ExecuteAsync(sql, args, tx), ct);

    /// <summary>The writer's counters: writes committed and the transactions they took.</summary>
    public (long Writes, long Transactions) WriterCounters => (_writer.Committed, _writer.Transactions);

    /// <summary>Finishes the writes already queued, then closes the writer's connection.</summary>
    public override ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>Releases pooled handles so the file is closed (shutdown, tests deleting temp folders).</summary>
    public static void ReleaseAll() => SqliteConnection.ClearAllPools();
}
