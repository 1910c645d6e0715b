using System.Net;

namespace CohortBot.Discord.Rest;

/// <summary>Discord refused a request (4xx other than 429) or kept failing (5xx after retries).</summary>
public sealed class DiscordApiException(HttpStatusCode status, int? code, string route, string message)
    : Exception($"Discord answered {(int)status} to {route}: {message}{(code is null ? string.Empty : $" (code {code})")}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Discord's JSON error code, e.g. 50007 (cannot message this user), 10003 (unknown channel).</summary>
    public int? Code { get; } = code;
}
