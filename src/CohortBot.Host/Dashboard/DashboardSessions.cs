using System.Security.Cryptography;
using System.Text;
using CohortBot.Core.Dashboard;
using CohortBot.Core.Participants;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Dashboard;

/// <summary>A signed-in organizer: the session's token (the cookie), the chat identity the dashboard acts as, and when it ends.</summary>
internal sealed record DashboardSession(string Id, PlatformUser User, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// The token every form carries: derived from the session's own token, so it needs no storing and
    /// outlives a restart with the session; without the cookie's token nobody can work it out.
    /// </summary>
    public string Csrf { get; } = SignInLinks.Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Id), "cohortbot dashboard csrf"u8));

    public bool CsrfMatches(string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(Csrf));
}

/// <summary>
/// Sessions kept in the database by the SHA-256 of their token (so a restart signs nobody out), each
/// ending after <see cref="DashboardOptions.SessionLifetime"/> by the bot's clock, or at sign-out.
/// </summary>
internal sealed class DashboardSessions(IOptions<DashboardOptions> options, IDashboardTokens tokens, TimeProvider clock)
{
    public const string CookieName = "cohortbot_dashboard";

    public TimeSpan Lifetime => options.Value.SessionLifetime;

    public async Task<DashboardSession> StartAsync(PlatformUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new DashboardSession(SignInLinks.NewToken(), user, now + Lifetime);
        await tokens.AddAsync(new DashboardToken(SignInLinks.Hash(session.Id), DashboardTokenKind.Session, user, session.ExpiresAt), now, ct);
        return session;
    }

    /// <summary>The session whose token the cookie holds; null when there is none, or it has ended.</summary>
    public async Task<DashboardSession?> FindAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return null;
        }

        return await tokens.FindAsync(DashboardTokenKind.Session, SignInLinks.Hash(id), clock.GetUtcNow(), ct) is { } kept
            ? new DashboardSession(id, kept.User, kept.ExpiresAt)
            : null;
    }

    public Task EndAsync(string id, CancellationToken ct) => tokens.TakeAsync(DashboardTokenKind.Session, SignInLinks.Hash(id), clock.GetUtcNow(), ct);
}
