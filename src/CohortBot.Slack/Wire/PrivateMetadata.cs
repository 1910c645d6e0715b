using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>
/// Our own content of a modal's <c>private_metadata</c> (≤ 3000 characters, so short names): the
/// command, its fixed options, and the channel and response URL the conversation started in.
/// </summary>
public sealed record PrivateMetadata(
    [property: JsonPropertyName("c")] string? Command,
    [property: JsonPropertyName("o")] IReadOnlyDictionary<string, string>? Options,
    [property: JsonPropertyName("ch")] string? ChannelId,
    [property: JsonPropertyName("r")] string? ResponseUrl);
