using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>An input's value: text for <c>plain_text_input</c>, <see cref="Files"/> for <c>file_input</c>; other kinds are ignored on purpose.</summary>
public sealed record ViewStateValue([property: JsonConverter(typeof(Lenient<string>))] string? Type, [property: JsonConverter(typeof(Lenient<string>))] string? Value, [property: JsonConverter(typeof(LenientList<SlackFileRef>))] IReadOnlyList<SlackFileRef>? Files)
{
    public const string PlainTextInput = "plain_text_input";
    public const string FileInput = "file_input";
}
