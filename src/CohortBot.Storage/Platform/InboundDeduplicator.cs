using CohortBot.Core.Platform;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Platform;

/// <summary>A delivery id is claimed by inserting it; the primary key makes the second insert a no-op.</summary>
public sealed class InboundDeduplicator(SqliteConnectionFactory connections, TimeProvider clock) : IInboundDeduplicator
{
    private const string Claim = """
        INSERT INTO inbound_deliveries (platform, delivery_id, received_at) VALUES (@platform, @deliveryId, @now)
        ON CONFLICT (platform, delivery_id) DO NOTHING
        """;

    public async Task<bool> TryBeginAsync(string platform, string deliveryId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(Claim, new { platform, deliveryId, now = Instants.ToDb(clock.GetUtcNow()) }, cancellationToken: ct)) == 1;
    }
}
