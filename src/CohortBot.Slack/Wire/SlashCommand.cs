namespace CohortBot.Slack.Wire;

/// <summary>
/// A slash command: the Socket Mode payload, or the form Slack POSTs in HTTP mode (same names).
/// The deprecated verification token and enterprise fields are ignored on purpose.
/// </summary>
public sealed record SlashCommand(
    string? TeamId,
    string? TeamDomain,
    string? ChannelId,
    string? ChannelName,
    string? UserId,
    string? UserName,
    string? Command,
    string? Text,
    string? ApiAppId,
    string? ResponseUrl,
    string? TriggerId)
{
    /// <summary>The HTTP form's fields (<c>team_id=…&amp;user_id=…</c>) as the record.</summary>
    public static SlashCommand FromForm(IReadOnlyDictionary<string, string?> form) => new(
        form.GetValueOrDefault("team_id"),
        form.GetValueOrDefault("team_domain"),
        form.GetValueOrDefault("channel_id"),
        form.GetValueOrDefault("channel_name"),
        form.GetValueOrDefault("user_id"),
        form.GetValueOrDefault("user_name"),
        form.GetValueOrDefault("command"),
        form.GetValueOrDefault("text"),
        form.GetValueOrDefault("api_app_id"),
        form.GetValueOrDefault("response_url"),
        form.GetValueOrDefault("trigger_id"));
}
