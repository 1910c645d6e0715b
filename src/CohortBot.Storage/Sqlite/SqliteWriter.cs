using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using CohortBot.Core.Inbound;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CohortBot.Storage.Sqlite;

/// <summary>
/// The single writer: every write transaction of the process runs here, one after another on one
/// connection. Writes that arrive while a commit is in progress wait and then share the next
/// transaction and its one fsync (group commit), each inside its own savepoint, so one failing
/// write is rolled back alone while the others commit. A caller's task completes only after the
/// commit that made its write durable.
/// <para>
/// A write made for an inbox delivery (<see cref="DeliveryContext"/>) also marks that delivery
/// executed inside the same savepoint: after a crash the command is either not done at all or done
/// and known to be done, never half.
/// </para>
/// </summary>
public sealed partial class SqliteWriter : IAsyncDisposable
{
    private const string MarkExecuted = """
        UPDATE inbox SET executed_at = @now
        WHERE platform = @Platform AND delivery_id = @DeliveryId AND executed_at IS NULL
        """;

    private static readonly AsyncLocal<bool> InsideWrite = new();

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _clock;
    private readonly ILogger<SqliteWriter> _logger;
    private readonly Channel<Write> _queue;
    private readonly int _maxBatch;
    private readonly Lock _startGate = new();
    private Task? _loop;
    private SqliteConnection? _connection;
    private long _committed;
    private long _transactions;

    internal SqliteWriter(SqliteConnectionFactory connections, TimeProvider clock, ILogger<SqliteWriter> logger, int capacity = 8192, int maxBatch = 512)
    {
        _connections = connections;
        _clock = clock;
        _logger = logger;
        _maxBatch = maxBatch;
        _queue = Channel.CreateBounded<Write>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Writes committed so far, and the transactions they took (their ratio is the batching).</summary>
    public long Committed => Interlocked.Read(ref _committed);

    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Runs <paramref name="work"/> inside the next group transaction; completes after its commit.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        if (InsideWrite.Value)
        {
            // The writer runs one write at a time: waiting for another from inside one would never end.
            throw new InvalidOperationException("A write was started from inside another write; pass the connection and transaction instead.");
        }

        EnsureStarted();
        var write = new Write<T>(work, DeliveryContext.Current, ct);
        await _queue.Writer.WriteAsync(write, ct);
        return await write.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startGate)
        {
            _loop ??= Task.Run(LoopAsync);
        }
    }

    private async Task LoopAsync()
    {
        var batch = new List<Write>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var write))
            {
                if (write.Cancelled)
                {
                    write.Fail(new OperationCanceledException(write.Token));
                    continue;
                }

                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<Write> batch)
    {
        var outcomes = new Exception?[batch.Count];
        try
        {
            var db = await ConnectionAsync();
            // IMMEDIATE takes the write lock at once (another process, e.g. the export verb, may hold it).
            await using var tx = db.BeginTransaction(deferred: false);
            InsideWrite.Value = true;
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    outcomes[i] = await RunOneAsync(db, tx, batch[i], i);
                }
            }
            finally
            {
                InsideWrite.Value = false;
            }

            await tx.CommitAsync();
        }
        catch (Exception ex)
        {
            // Nothing in this batch is durable: every write in it fails, each caller sees why.
            LogBatchFailed(ex, batch.Count);
            await ResetConnectionAsync();
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }

        Interlocked.Add(ref _committed, batch.Count);
        Interlocked.Increment(ref _transactions);
        if (outcomes.Any(o => o is not null && Faults.SqliteFaults.TaintsConnection(o)))
        {
            // A write met a storage fault (a read-only file, a full disk): the next batch starts on a fresh connection.
            await ResetConnectionAsync();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } failure)
            {
                batch[i].Fail(failure);
            }
            else
            {
                batch[i].Succeed();
            }
        }
    }

    private async Task<Exception?> RunOneAsync(SqliteConnection db, SqliteTransaction tx, Write write, int index)
    {
        var savepoint = "w" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Activity.Current = write.Span; // its statements show inside the caller's trace (restored when this method returns)
        await tx.SaveAsync(savepoint);
        try
        {
            await write.RunAsync(db, tx);
            if (write.Delivery is { } delivery)
            {
                await db.ExecuteAsync(MarkExecuted, new { delivery.Platform, delivery.DeliveryId, now = Instants.ToDb(_clock.GetUtcNow()) }, tx);
            }

            await tx.ReleaseAsync(savepoint);
            return null;
        }
        catch (Exception ex)
        {
            await tx.RollbackAsync(savepoint);
            await tx.ReleaseAsync(savepoint);
            return ex;
        }
    }

    private async Task<SqliteConnection> ConnectionAsync()
    {
        if (_connection is null)
        {
            _connection = await _connections.OpenForWriterAsync(CancellationToken.None);
            // Each commit is durable when its callers hear back; group commit pays for the fsync.
            await _connection.ExecuteAsync("PRAGMA synchronous = FULL;");
        }

        return _connection;
    }

    private async Task ResetConnectionAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A group transaction of {Count} write(s) failed; none of them was saved")]
    private partial void LogBatchFailed(Exception ex, int count);

    private abstract class Write(InboxKey? delivery, CancellationToken token)
    {
        public InboxKey? Delivery { get; } = delivery;

        public Activity? Span { get; } = Activity.Current;

        public CancellationToken Token { get; } = token;

        public bool Cancelled => Token.IsCancellationRequested;

        public abstract Task RunAsync(SqliteConnection db, DbTransaction tx);

        public abstract void Succeed();

        public abstract void Fail(Exception ex);
    }

    private sealed class Write<T>(Func<SqliteConnection, DbTransaction, Task<T>> work, InboxKey? delivery, CancellationToken token) : Write(delivery, token)
    {
        private T _value = default!;

        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(SqliteConnection db, DbTransaction tx) => _value = await work(db, tx);

        public override void Succeed() => Result.TrySetResult(_value);

        public override void Fail(Exception ex) => Result.TrySetException(ex);
    }
}
