using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CohortBot.Slack.Wire;

/// <summary>Reading and writing Slack JSON through <see cref="SlackJsonContext"/>, the adapter's only way to touch it.</summary>
public static class SlackJson
{
    public static SlackJsonContext Context => SlackJsonContext.Default;

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    public static string SerializeToString<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    public static bool TryParse<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
    {
        try
        {
            value = JsonSerializer.Deserialize(utf8, type);
            return value is not null;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }

    public static bool TryParse<T>(string? text, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
    {
        value = default;
        return text is not null && TryParse(System.Text.Encoding.UTF8.GetBytes(text), type, out value);
    }

    public static bool TryParse<T>(JsonElement? element, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
    {
        try
        {
            value = element is { ValueKind: JsonValueKind.Object } e ? e.Deserialize(type) : default;
            return value is not null;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }
}
