namespace CohortBot.Fakes.Discord;

/// <summary>An answer the fake gives instead of its normal one (429s, 5xx, rate-limit headers).</summary>
public sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Holds the answer back until opened (to make the client time out); the request is received and recorded first.</summary>
    public Gate? Hold { get; init; }

    public static CannedResponse TooManyRequests(double retryAfter, bool global = false) => new(
        429,
        System.FormattableString.Invariant($$"""{"message":"You are being rate limited.","retry_after":{{retryAfter}},"global":{{(global ? "true" : "false")}}}"""),
        new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Bucket"] = "fake-bucket",
            ["X-RateLimit-Scope"] = global ? "global" : "user",
            ["X-RateLimit-Global"] = global ? "true" : "false",
        });
}
