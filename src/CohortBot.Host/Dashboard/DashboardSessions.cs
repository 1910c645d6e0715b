using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CohortBot.Core.Participants;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Dashboard;

/// <summary>A signed-in organizer: the chat identity the dashboard acts as, the CSRF token of every form, and when it ends.</summary>
internal sealed record DashboardSession(string Id, PlatformUser User, string Csrf, DateTimeOffset ExpiresAt, TimeSpan Lifetime)
{
    public bool CsrfMatches(string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(Csrf));
}

/// <summary>Sessions in memory, each ending after <see cref="DashboardOptions.SessionLifetime"/> or at sign-out.</summary>
internal sealed class DashboardSessions(IOptions<DashboardOptions> options, TimeProvider clock)
{
    public const string CookieName = "cohortbot_dashboard";

    private readonly ConcurrentDictionary<string, DashboardSession> _sessions = new(StringComparer.Ordinal);

    public DashboardSession Start(PlatformUser user)
    {
        var session = new DashboardSession(
            SignInLinks.Base64Url(RandomNumberGenerator.GetBytes(32)), user,
            SignInLinks.Base64Url(RandomNumberGenerator.GetBytes(32)), clock.GetUtcNow() + options.Value.SessionLifetime, options.Value.SessionLifetime);
        _sessions[session.Id] = session;
        return session;
    }

    public DashboardSession? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        if (clock.GetUtcNow() < session.ExpiresAt)
        {
            return session;
        }

        _sessions.TryRemove(id, out _);
        return null;
    }

    public void End(string id) => _sessions.TryRemove(id, out _);
}
