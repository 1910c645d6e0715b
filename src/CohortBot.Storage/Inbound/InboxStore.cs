using CohortBot.Core.Inbound;
using CohortBot.Core.Outbox;
using CohortBot.Storage.Postgres;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Inbound;

/// <summary>
/// The inbox table; its primary key is the durable check against repeated deliveries. Each row
/// names the process that has it (<c>taken_by</c>, its run): on PostgreSQL, where instances share
/// the inbox, a sweep takes only its own rows and those of processes that are gone (<see cref="RunLeases"/>).
/// </summary>
public sealed class InboxStore(Database connections, OutboxRun run, RunLeases leases) : IInbox
{
    private const string Insert = """
        INSERT INTO inbox (platform, delivery_id, kind, user_id, payload, received_at, taken_by)
        VALUES (@Platform, @DeliveryId, @Kind, @UserId, @Payload, @ReceivedAt, @runId)
        ON CONFLICT (platform, delivery_id) DO NOTHING
        """;

    private const string Answered = """
        UPDATE inbox SET answered_at = @at WHERE platform = @Platform AND delivery_id = @DeliveryId AND answered_at IS NULL
        """;

    // Compare-and-set on the keeper that was read: of two instances taking over the same delivery, one wins.
    private const string Take = """
        UPDATE inbox SET attempts = attempts + 1, taken_by = @runId
        WHERE platform = @Platform AND delivery_id = @DeliveryId AND answered_at IS NULL AND taken_by IS @TakenBy
        """;

    private const string TakePostgres = """
        UPDATE inbox SET attempts = attempts + 1, taken_by = @runId
        WHERE platform = @Platform AND delivery_id = @DeliveryId AND answered_at IS NULL AND taken_by IS NOT DISTINCT FROM @TakenBy
        """;

    // SQLite: one process has the file, so every row is this one's or a finished process's.
    private const string SelectUnanswered = """
        SELECT platform, delivery_id, kind, user_id, payload, received_at, executed_at, attempts, taken_by
        FROM inbox
        WHERE answered_at IS NULL AND received_at <= @before
          AND (@afterPlatform IS NULL OR (received_at, platform, delivery_id) > (@afterReceived, @afterPlatform, @afterId))
        ORDER BY received_at, platform, delivery_id
        LIMIT @limit
        """;

    // PostgreSQL: another run's row only when nobody holds that run's lease (the transaction-scoped
    // try succeeds, and lets go when the statement ends): its process is gone.
    private const string SelectUnansweredPostgres = """
        SELECT platform, delivery_id, kind, user_id, payload, received_at, executed_at, attempts, taken_by
        FROM inbox
        WHERE answered_at IS NULL AND received_at <= @before
          AND (@afterPlatform IS NULL OR (received_at, platform, delivery_id) > (@afterReceived, @afterPlatform, @afterId))
          AND (taken_by IS NULL OR taken_by = @runId OR pg_try_advisory_xact_lock(hashtextextended('outbox-run:' || taken_by, 0)))
        ORDER BY received_at, platform, delivery_id
        LIMIT @limit
        """;

    private const string Prune = "DELETE FROM inbox WHERE answered_at IS NOT NULL AND received_at < @before";

    public async Task<bool> AcceptAsync(InboxEntry entry, CancellationToken ct)
    {
        // Before a row names this run, this process holds the run's lease: no other instance may think it gone.
        await leases.HoldAsync(run.Id);
        return await connections.ExecuteAsync(Insert, new
        {
            entry.Platform, entry.DeliveryId, entry.Kind, entry.UserId, entry.Payload, ReceivedAt = Instants.ToDb(entry.ReceivedAt), runId = run.Id,
        }, ct) == 1;
    }

    public Task MarkAnsweredAsync(InboxKey key, DateTimeOffset at, CancellationToken ct) =>
        connections.ExecuteAsync(Answered, new { key.Platform, key.DeliveryId, at = Instants.ToDb(at) }, ct);

    public async Task<bool> TakeAsync(InboxEntry entry, CancellationToken ct)
    {
        await leases.HoldAsync(run.Id);
        return await connections.ExecuteAsync(connections.Sql(Take, TakePostgres), new { entry.Platform, entry.DeliveryId, entry.TakenBy, runId = run.Id }, ct) == 1;
    }

    public async Task<IReadOnlyList<InboxEntry>> UnansweredAsync(DateTimeOffset before, InboxEntry? after, int limit, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<InboxRow>(new CommandDefinition(connections.Sql(SelectUnanswered, SelectUnansweredPostgres), new
        {
            before = Instants.ToDb(before),
            afterReceived = Instants.ToDb(after?.ReceivedAt),
            afterPlatform = after?.Platform,
            afterId = after?.DeliveryId,
            limit,
            runId = run.Id,
        }, cancellationToken: ct));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct) =>
        connections.ExecuteAsync(Prune, new { before = Instants.ToDb(before) }, ct);

    private sealed record InboxRow(string Platform, string DeliveryId, string Kind, string UserId, string Payload, long ReceivedAt, long? ExecutedAt, long Attempts, string? TakenBy)
    {
        public InboxEntry ToEntry() => new(Platform, DeliveryId, Kind, UserId, Payload, Instants.FromDb(ReceivedAt))
        {
            ExecutedAt = ExecutedAt is { } e ? Instants.FromDb(e) : null,
            Attempts = (int)Attempts,
            TakenBy = TakenBy,
        };
    }
}
