namespace CohortBot.Slack.WebApi;

/// <summary>
/// Which calls may be sent again when an attempt's fate is unknown (a 5xx, a timeout, a dropped
/// connection). Reads and calls whose repeat Slack makes harmless may; anything that posts, shares
/// or spends a trigger may not — a second attempt could show a message twice. A 429 is always sent
/// again: Slack did not act on it.
/// </summary>
internal static class SlackIdempotency
{
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal)
    {
        "users.info",
        "files.info",
        // Returns the existing DM channel.
        "conversations.open",
        // A fresh socket URL each time; an unused one expires.
        "apps.connections.open",
        // Sets the message to the same content again.
        "chat.update",
        // An unused upload ticket expires.
        "files.getUploadURLExternal",
        "files.download",
    };

    public static bool IsRepeatable(string method) => Repeatable.Contains(method);

    /// <summary>True when the request certainly never reached Slack, so even a post may be sent again.</summary>
    public static bool NeverSent(Exception ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError };
}
