using CohortBot.Core.Participants;

namespace CohortBot.Core.Dashboard;

/// <summary>What a dashboard token opens: a one-time sign-in link, or a signed-in session (the cookie).</summary>
public enum DashboardTokenKind
{
    SignInLink,
    Session,
}

/// <summary>
/// A sign-in link or a session as it is kept: the SHA-256 of its token (never the token itself, so
/// the table signs nobody in), the organizer it signs in as chat identified them, and when it ends.
/// </summary>
public sealed record DashboardToken(string Hash, DashboardTokenKind Kind, PlatformUser User, DateTimeOffset ExpiresAt);

/// <summary>The web dashboard's sign-in links and sessions, kept in the database so that a restart voids neither.</summary>
public interface IDashboardTokens
{
    /// <summary>Keeps <paramref name="token"/>, and forgets every token that has expired by <paramref name="now"/>.</summary>
    Task AddAsync(DashboardToken token, DateTimeOffset now, CancellationToken ct);

    /// <summary>The token of that kind and hash, unless it has expired by <paramref name="now"/>.</summary>
    Task<DashboardToken?> FindAsync(DashboardTokenKind kind, string hash, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Removes the token of that kind and hash, returning it unless it had expired by
    /// <paramref name="now"/>: however many ask at once, at most one gets it (a link is used once).
    /// </summary>
    Task<DashboardToken?> TakeAsync(DashboardTokenKind kind, string hash, DateTimeOffset now, CancellationToken ct);
}
