using System.Data.Common;

namespace CohortBot.Storage;

/// <summary>Which SQL a store speaks: the embedded SQLite file or a PostgreSQL server.</summary>
public enum Dialect
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The stores' one way to the database, whichever it is. Reads open their own pooled connection;
/// every write transaction goes through <see cref="InTransactionAsync{T}"/>, which on SQLite is the
/// single group-committing writer and on PostgreSQL a SERIALIZABLE transaction retried on conflict.
/// Either way the work must touch only the database: it may run more than once before it commits.
/// </summary>
public abstract class Database : IAsyncDisposable, IDisposable
{
    public abstract Dialect Dialect { get; }

    /// <summary>Where the data is, for messages: a file path, or host and database name (never a password).</summary>
    public abstract string Describe { get; }

    /// <summary>Picks the statement for this database: the SQLite text, or PostgreSQL's where it differs.</summary>
    public string Sql(string sqlite, string postgres) => Dialect == Dialect.Postgres ? postgres : sqlite;

    public Task<DbConnection> OpenAsync(CancellationToken ct) => OpenConnectionAsync(ct);

    /// <summary>
    /// Runs <paramref name="work"/> atomically and completes after the commit. Everything one change
    /// needs (its audit entry included) belongs in one call.
    /// </summary>
    public abstract Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct);

    /// <summary>One write statement, in its own transaction; returns the rows it changed.</summary>
    public abstract Task<int> ExecuteAsync(string sql, object? args, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken ct);
}
