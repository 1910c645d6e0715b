using System.Data.Common;
using CohortBot.Core.Platform;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Platform;

public sealed class PlatformStateStore(Database connections, TimeProvider clock) : IPlatformStateStore
{
    private const string Select = "SELECT value FROM platform_state WHERE platform = @platform AND key = @key";

    private const string Upsert = """
        INSERT INTO platform_state (platform, key, value, updated_at) VALUES (@platform, @key, @value, @now)
        ON CONFLICT (platform, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        """;

    public async Task<string?> GetAsync(string platform, string key, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<string?>(new CommandDefinition(Select, new { platform, key }, cancellationToken: ct));
    }

    public async Task SetAsync(string platform, string key, string value, CancellationToken ct)
    {
        await connections.ExecuteAsync(Upsert, new { platform, key, value, now = Instants.ToDb(clock.GetUtcNow()) }, ct);
    }
}
