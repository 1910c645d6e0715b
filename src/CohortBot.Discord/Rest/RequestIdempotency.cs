using System.Globalization;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace CohortBot.Discord.Rest;

/// <summary>
/// Which requests may be sent again when the first attempt's fate is unknown (a timeout, a dropped
/// connection, a 5xx): Discord may have acted on it. GET, PUT, PATCH and DELETE may; a POST only
/// when Discord itself makes the repeat harmless. Message creates are made so: each carries a
/// <c>nonce</c> with <c>enforce_nonce: true</c>, and Discord answers a repeat within a few minutes
/// with the message it already created (docs/reliability.md).
/// </summary>
internal static class RequestIdempotency
{
    /// <summary>POST /channels/{channel}/messages (the channel id stays in the template: it is the major parameter).</summary>
    public static bool IsCreateMessage(RateLimitRoute route) =>
        route.Template.StartsWith("POST /channels/", StringComparison.Ordinal)
        && route.Template.EndsWith("/messages", StringComparison.Ordinal)
        && route.Template.Count(c => c == '/') == 3;

    /// <summary>The body to send: a message create gets a nonce (kept across its retries) unless it has one.</summary>
    public static JsonNode? WithNonce(RateLimitRoute route, JsonNode? body)
    {
        if (!IsCreateMessage(route) || body is not JsonObject message || message.ContainsKey("nonce"))
        {
            return body;
        }

        var copy = message.DeepClone().AsObject();
        // Up to 25 characters; digits, like a snowflake, fit both the string and the integer form.
        copy["nonce"] = Random.Shared.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        copy["enforce_nonce"] = true;
        return copy;
    }

    public static bool IsRepeatable(HttpMethod method, RateLimitRoute route, JsonNode? body)
    {
        if (method != HttpMethod.Post)
        {
            return true;
        }

        if (IsCreateMessage(route))
        {
            return body is JsonObject m && m["nonce"] is not null && m["enforce_nonce"] is JsonValue e && e.TryGetValue<bool>(out var enforced) && enforced;
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
