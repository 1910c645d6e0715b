using System.Data.Common;
using CohortBot.Core.Inbound;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Inbound;

/// <summary>The inbox table; its primary key is the durable check against repeated deliveries.</summary>
public sealed class InboxStore(Database connections) : IInbox
{
    private const string Insert = """
        INSERT INTO inbox (platform, delivery_id, kind, user_id, payload, received_at)
        VALUES (@Platform, @DeliveryId, @Kind, @UserId, @Payload, @ReceivedAt)
        ON CONFLICT (platform, delivery_id) DO NOTHING
        """;

    private const string Answered = """
        UPDATE inbox SET answered_at = @at WHERE platform = @Platform AND delivery_id = @DeliveryId AND answered_at IS NULL
        """;

    private const string Attempted = "UPDATE inbox SET attempts = attempts + 1 WHERE platform = @Platform AND delivery_id = @DeliveryId";

    private const string SelectUnanswered = """
        SELECT platform, delivery_id, kind, user_id, payload, received_at, executed_at, attempts
        FROM inbox
        WHERE answered_at IS NULL AND received_at <= @before
          AND (@afterPlatform IS NULL OR (received_at, platform, delivery_id) > (@afterReceived, @afterPlatform, @afterId))
        ORDER BY received_at, platform, delivery_id
        LIMIT @limit
        """;

    private const string Prune = "DELETE FROM inbox WHERE answered_at IS NOT NULL AND received_at < @before";

    public async Task<bool> AcceptAsync(InboxEntry entry, CancellationToken ct) =>
        await connections.ExecuteAsync(Insert, new
        {
            entry.Platform, entry.DeliveryId, entry.Kind, entry.UserId, entry.Payload, ReceivedAt = Instants.ToDb(entry.ReceivedAt),
        }, ct) == 1;

    public Task MarkAnsweredAsync(InboxKey key, DateTimeOffset at, CancellationToken ct) =>
        connections.ExecuteAsync(Answered, new { key.Platform, key.DeliveryId, at = Instants.ToDb(at) }, ct);

    public Task MarkAttemptAsync(InboxKey key, CancellationToken ct) =>
        connections.ExecuteAsync(Attempted, new { key.Platform, key.DeliveryId }, ct);

    public async Task<IReadOnlyList<InboxEntry>> UnansweredAsync(DateTimeOffset before, InboxEntry? after, int limit, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<InboxRow>(new CommandDefinition(SelectUnanswered, new
        {
            before = Instants.ToDb(before),
            afterReceived = Instants.ToDb(after?.ReceivedAt),
            afterPlatform = after?.Platform,
            afterId = after?.DeliveryId,
            limit,
        }, cancellationToken: ct));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct) =>
        connections.ExecuteAsync(Prune, new { before = Instants.ToDb(before) }, ct);

    private sealed record InboxRow(string Platform, string DeliveryId, string Kind, string UserId, string Payload, long ReceivedAt, long? ExecutedAt, long Attempts)
    {
        public InboxEntry ToEntry() => new(Platform, DeliveryId, Kind, UserId, Payload, Instants.FromDb(ReceivedAt))
        {
            ExecutedAt = ExecutedAt is { } e ? Instants.FromDb(e) : null,
            Attempts = (int)Attempts,
        };
    }
}
