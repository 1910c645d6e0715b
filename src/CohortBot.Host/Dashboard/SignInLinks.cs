using System.Security.Cryptography;
using System.Text;
using CohortBot.Core.Dashboard;
using CohortBot.Core.Participants;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// One-time sign-in links: a random 256-bit token, kept in the database only as its SHA-256 (a copy
/// of the database hands out no live link), valid for <see cref="DashboardOptions.LinkLifetime"/>
/// and removed on first use. A restart does not void a link already sent.
/// </summary>
internal sealed class SignInLinks(IOptions<DashboardOptions> options, DashboardAddress address, IDashboardTokens tokens, TimeProvider clock) : IDashboardLinks
{
    public TimeSpan Lifetime => options.Value.LinkLifetime;

    public async Task<Uri> IssueAsync(PlatformUser organizer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = NewToken();
        await tokens.AddAsync(new DashboardToken(Hash(token), DashboardTokenKind.SignInLink, organizer, now + Lifetime), now, ct);
        return new Uri(address.Base, "/dashboard/signin?token=" + token);
    }

    /// <summary>The user the link was issued to, once; null when it was never issued, is used or has expired.</summary>
    public async Task<PlatformUser?> RedeemAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        return (await tokens.TakeAsync(DashboardTokenKind.SignInLink, Hash(token), clock.GetUtcNow(), ct))?.User;
    }

    /// <summary>A random 256-bit token, URL-safe.</summary>
    internal static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What the database keeps of a token.</summary>
    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
