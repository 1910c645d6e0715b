using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CohortBot.Core.Dashboard;
using CohortBot.Core.Participants;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// One-time sign-in links: a random 256-bit token, kept only as its SHA-256 (a memory dump does not
/// hand out live links), valid for <see cref="DashboardOptions.LinkLifetime"/> and removed on first
/// use. Kept in memory: a restart voids every link, and the organizer asks again.
/// </summary>
internal sealed class SignInLinks(IOptions<DashboardOptions> options, DashboardAddress address, TimeProvider clock) : IDashboardLinks
{
    private readonly ConcurrentDictionary<string, (PlatformUser User, DateTimeOffset ExpiresAt)> _pending = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => options.Value.LinkLifetime;

    public Uri Issue(PlatformUser organizer)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _pending.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToList())
        {
            _pending.TryRemove(stale, out _);
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        _pending[Hash(token)] = (organizer, now + Lifetime);
        return new Uri(address.Base, "/dashboard/signin?token=" + token);
    }

    /// <summary>The user the link was issued to, once; null when it was never issued, is used or has expired.</summary>
    public PlatformUser? Redeem(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100 || !_pending.TryRemove(Hash(token), out var pending))
        {
            return null;
        }

        return clock.GetUtcNow() < pending.ExpiresAt ? pending.User : null;
    }

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
