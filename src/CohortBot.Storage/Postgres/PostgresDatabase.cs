using System.Data;
using System.Data.Common;
using CohortBot.Core.Inbound;
using CohortBot.Storage.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CohortBot.Storage.Postgres;

/// <summary>
/// PostgreSQL behind the same stores as SQLite. SQLite serialises every write through one writer
/// (BEGIN IMMEDIATE), which is what makes "the last seat goes to exactly one person" true there.
/// Several bot instances share this server, so nothing in-process can serialise them: every write
/// transaction runs SERIALIZABLE, and when PostgreSQL refuses one because a concurrent transaction
/// would make the outcome impossible in any serial order (40001), or picks it as a deadlock victim
/// (40P01), the whole unit of work runs again from the start on fresh reads. That is why the work
/// must touch only the database. The stores' read-check-write code stays as it is for both.
/// </summary>
public sealed partial class PostgresDatabase : Database
{
    private const string MarkExecuted = """
        UPDATE inbox SET executed_at = @now
        WHERE platform = @Platform AND delivery_id = @DeliveryId AND executed_at IS NULL
        """;

    private const int MaxAttempts = 30;

    private static readonly AsyncLocal<bool> InsideWrite = new();

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostgresDatabase> _logger;
    private long _retries;

    static PostgresDatabase() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public PostgresDatabase(IOptions<StorageOptions> options, TimeProvider? clock = null, ILoggerFactory? loggers = null)
    {
        _clock = clock ?? TimeProvider.System;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<PostgresDatabase>();
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        Describe = $"PostgreSQL database {builder.Database ?? builder.Username} on {builder.Host}:{builder.Port}";
        ConnectionString = builder.ConnectionString;
        _source = NpgsqlDataSource.Create(builder);
    }

    /// <summary>For sessions of their own (leases), outside the pool.</summary>
    internal string ConnectionString { get; }

    public override Dialect Dialect => Dialect.Postgres;

    public override string Describe { get; }

    /// <summary>Transactions run again after a serialization failure or deadlock (the contention seen).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public new async Task<NpgsqlConnection> OpenAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    public override async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        if (InsideWrite.Value)
        {
            // Same rule as SQLite's single writer: a nested write would be a second transaction the first cannot see.
            throw new InvalidOperationException("A write was started from inside another write; pass the connection and transaction instead.");
        }

        var delivery = DeliveryContext.Current;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _source.OpenConnectionAsync(ct);
            await using var tx = await db.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            InsideWrite.Value = true;
            try
            {
                var value = await work(db, tx);
                if (delivery is { } d)
                {
                    // As on SQLite: the command's writes and "this delivery was executed" commit together.
                    await db.ExecuteAsync(MarkExecuted, new { d.Platform, d.DeliveryId, now = _clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx);
                }

                await tx.CommitAsync(ct);
                return value;
            }
            catch (PostgresException ex) when (IsConflict(ex) && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _retries);
                LogRetry(ex.SqlState, attempt);
            }
            finally
            {
                InsideWrite.Value = false;
            }

            // Back off a little, at random, so the transactions that collided do not collide again in step.
            // This is contention in the server, not the cohort's time: it waits on the wall clock.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), TimeProvider.System, ct);
        }
    }

    public override Task<int> ExecuteAsync(string sql, object? args, CancellationToken ct) =>
        InTransactionAsync((db, tx) => db.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct)), ct);

    public override ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>Serialization failure or deadlock: the transaction did nothing and may simply run again.</summary>
    public static bool IsConflict(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A transaction met a concurrent one ({SqlState}); running it again (attempt {Attempt})")]
    private partial void LogRetry(string sqlState, int attempt);
}
