using System.Globalization;
using System.Net.Http;

namespace CohortBot.Discord.Rest;

/// <summary>
/// Which requests may be sent again when the first attempt's fate is unknown (a timeout, a dropped
/// connection, a 5xx): Discord may have acted on it. GET, PUT, PATCH and DELETE may; a POST only
/// when Discord itself makes the repeat harmless. Message creates are made so: each carries a
/// <c>nonce</c> with <c>enforce_nonce: true</c>, and Discord answers a repeat within a few minutes
/// with the message it already created (docs/reliability.md). A 429 is always sent again: Discord
/// did not act on it.
/// </summary>
internal static class RequestIdempotency
{
    /// <summary>POST /channels/{channel}/messages (the channel id stays in the template: it is the major parameter).</summary>
    public static bool IsCreateMessage(RateLimitRoute route) =>
        route.Template.StartsWith("POST /channels/", StringComparison.Ordinal)
        && route.Template.EndsWith("/messages", StringComparison.Ordinal)
        && route.Template.Count(c => c == '/') == 3;

    /// <summary>A nonce for one message, kept across its retries: up to 25 characters, digits like a snowflake.</summary>
    public static string NewNonce() => Random.Shared.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture);

    public static bool IsRepeatable(HttpMethod method, RateLimitRoute route, bool enforcedNonce)
    {
        if (method != HttpMethod.Post)
        {
            return true;
        }

        if (IsCreateMessage(route))
        {
            return enforcedNonce;
        }

        return route.Template switch
        {
            // One response per interaction: Discord refuses a second one (40060), it never shows two.
            "POST /interactions/:id/:token/callback" => true,
            // Opening a DM returns the existing channel.
            "POST /users/@me/channels" => true,
            _ => false,
        };
    }

    /// <summary>True when the request certainly never reached Discord, so even a POST may be sent again.</summary>
    public static bool NeverSent(Exception ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError };
}
