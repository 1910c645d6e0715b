using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>A button; <see cref="Style"/> is <c>primary</c>, <c>danger</c> or absent.</summary>
public sealed record ButtonElement(TextObject Text, string ActionId, string? Value, string? Style)
{
    [JsonPropertyOrder(-1)]
    public string Type => "button";
}
