using System.Data.Common;
using CohortBot.Core.Outbox;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Outbox;

/// <summary>The outbox rows not yet settled, counted over the partial index <c>ix_outbox_pending</c>.</summary>
public sealed class OutboxBacklog(Database connections) : IOutboxBacklog
{
    private const string CountPending = "SELECT COUNT(*) FROM outbox WHERE status <> 'confirmed' AND status <> 'dropped'";

    public async Task<int> CountAsync(CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<int>(new CommandDefinition(CountPending, cancellationToken: ct));
    }
}
