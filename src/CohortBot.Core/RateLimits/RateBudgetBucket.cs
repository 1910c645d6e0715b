using System.Security.Cryptography;
using System.Text;

namespace CohortBot.Core.RateLimits;

/// <summary>Names a shared budget: platform, a hash of the credential the platform counts by, and the limit's scope.</summary>
public static class RateBudgetBucket
{
    /// <summary>
    /// <c>discord:9f86d081884c7d659a2feaa0:global</c>. The hash tells credentials apart without being
    /// one: the budget table is readable by anyone who can read the database, and a token is not.
    /// </summary>
    public static string Of(string platform, string credential, string scope)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential)).AsSpan(0, 12));
        return $"{platform}:{hash}:{scope}";
    }
}
