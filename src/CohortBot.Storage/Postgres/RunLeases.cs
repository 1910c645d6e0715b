using System.Collections.Concurrent;

namespace CohortBot.Storage.Postgres;

/// <summary>
/// On PostgreSQL several instances share the outbox ledger and the inbox: each process holds a lease
/// named after its run (<see cref="PostgresLease"/>, released by the server when the process dies)
/// before it claims anything as that run, and another run's claim is taken over only when nobody
/// holds that lease: in SQL, <c>pg_try_advisory_xact_lock(hashtextextended('outbox-run:' || run, 0))</c>
/// succeeds (and lets go when the statement's transaction ends). On SQLite only one process has the
/// file, and any other run is a process that has ended: nothing to hold.
/// </summary>
public sealed class RunLeases(Database connections) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PostgresLease?>>> _held = new(StringComparer.Ordinal);

    /// <summary>Holds the lease of <paramref name="runId"/> for this process (once; later calls return at once).</summary>
    public async Task HoldAsync(string runId)
    {
        if (connections is not PostgresDatabase postgres)
        {
            return;
        }

        var lease = _held.GetOrAdd(runId, id => new Lazy<Task<PostgresLease?>>(() => PostgresLease.TryAcquireAsync(postgres.ConnectionString, "outbox-run:" + id, CancellationToken.None)));
        if (await lease.Value is null)
        {
            _held.TryRemove(runId, out _);
            throw new InvalidOperationException($"The run {runId} is held by another process.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lease in _held.Values.Where(l => l.IsValueCreated))
        {
            if (await lease.Value is { } held)
            {
                await held.DisposeAsync();
            }
        }

        _held.Clear();
    }
}
