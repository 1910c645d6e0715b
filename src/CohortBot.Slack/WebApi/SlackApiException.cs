namespace CohortBot.Slack.WebApi;

/// <summary>A Web API call that Slack answered with <c>{"ok":false,"error":…}</c>, or with an HTTP failure.</summary>
public sealed class SlackApiException(string method, string error, string? detail = null)
    : Exception($"Slack {method} failed: {error}{(detail is null ? string.Empty : " (" + detail + ")")}")
{
    public string Method { get; } = method;

    /// <summary>Slack's error code, e.g. <c>channel_not_found</c>, <c>expired_trigger_id</c>; <c>http_503</c> for transport failures.</summary>
    public string Error { get; } = error;
}
