using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>
/// A slash command: the Socket Mode payload, or the form Slack POSTs in HTTP mode (same names).
/// The deprecated verification token and enterprise fields are ignored on purpose. Every field is
/// read as absent when it is of another JSON type, so the caller is still answered.
/// </summary>
public sealed record SlashCommand(
    [property: JsonConverter(typeof(Lenient<string>))] string? TeamId,
    [property: JsonConverter(typeof(Lenient<string>))] string? TeamDomain,
    [property: JsonConverter(typeof(Lenient<string>))] string? ChannelId,
    [property: JsonConverter(typeof(Lenient<string>))] string? ChannelName,
    [property: JsonConverter(typeof(Lenient<string>))] string? UserId,
    [property: JsonConverter(typeof(Lenient<string>))] string? UserName,
    [property: JsonConverter(typeof(Lenient<string>))] string? Command,
    [property: JsonConverter(typeof(Lenient<string>))] string? Text,
    [property: JsonConverter(typeof(Lenient<string>))] string? ApiAppId,
    [property: JsonConverter(typeof(Lenient<string>))] string? ResponseUrl,
    [property: JsonConverter(typeof(Lenient<string>))] string? TriggerId)
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
