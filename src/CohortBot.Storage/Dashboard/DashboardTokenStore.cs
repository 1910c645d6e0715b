using System.Text.Json;
using CohortBot.Core.Dashboard;
using CohortBot.Core.Participants;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Dashboard;

/// <summary>The dashboard's links and sessions in <c>dashboard_tokens</c> (migration 0007), by the hash of their token.</summary>
public sealed class DashboardTokenStore(Database connections) : IDashboardTokens
{
    private const string Insert = """
        INSERT INTO dashboard_tokens (token_hash, kind, platform, user_id, display_name, locale, roles, expires_at)
        VALUES (@Hash, @Kind, @Platform, @UserId, @DisplayName, @Locale, @Roles, @ExpiresAt)
        """;

    private const string DeleteExpired = "DELETE FROM dashboard_tokens WHERE expires_at <= @now";

    private const string Select = """
        SELECT token_hash, kind, platform, user_id, display_name, locale, roles, expires_at
        FROM dashboard_tokens WHERE token_hash = @hash AND kind = @kind AND expires_at > @now
        """;

    private const string Delete = """
        DELETE FROM dashboard_tokens WHERE token_hash = @hash AND kind = @kind
        RETURNING token_hash, kind, platform, user_id, display_name, locale, roles, expires_at
        """;

    public Task AddAsync(DashboardToken token, DateTimeOffset now, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            await db.ExecuteAsync(DeleteExpired, new { now = Instants.ToDb(now) }, tx);
            return await db.ExecuteAsync(Insert, new
            {
                token.Hash,
                Kind = KindName(token.Kind),
                token.User.Platform,
                token.User.UserId,
                token.User.DisplayName,
                token.User.Locale,
                Roles = token.User.Roles is { Count: > 0 } roles ? JsonSerializer.Serialize(roles) : null,
                ExpiresAt = Instants.ToDb(token.ExpiresAt),
            }, tx);
        }, ct);

    public async Task<DashboardToken?> FindAsync(DashboardTokenKind kind, string hash, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(Select, new { hash, kind = KindName(kind), now = Instants.ToDb(now) }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<DashboardToken?> TakeAsync(DashboardTokenKind kind, string hash, DateTimeOffset now, CancellationToken ct)
    {
        var row = await connections.InTransactionAsync((db, tx) => db.QuerySingleOrDefaultAsync<TokenRow>(Delete, new { hash, kind = KindName(kind) }, tx), ct);
        return row is not null && Instants.FromDb(row.ExpiresAt) > now ? row.ToDomain() : null;
    }

    private static string KindName(DashboardTokenKind kind) => kind == DashboardTokenKind.Session ? "session" : "link";

    private sealed class TokenRow
    {
        public string TokenHash { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public string Platform { get; init; } = string.Empty;

        public string UserId { get; init; } = string.Empty;

        public string DisplayName { get; init; } = string.Empty;

        public string? Locale { get; init; }

        public string? Roles { get; init; }

        public long ExpiresAt { get; init; }

        public DashboardToken ToDomain() => new(
            TokenHash,
            Kind == "session" ? DashboardTokenKind.Session : DashboardTokenKind.SignInLink,
            new PlatformUser(Platform, UserId, DisplayName, Locale) { Roles = Roles is null ? null : JsonSerializer.Deserialize<string[]>(Roles) },
            Instants.FromDb(ExpiresAt));
    }
}
