using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CohortBot.Discord.Wire;

/// <summary>Reading and writing Discord JSON through <see cref="DiscordJsonContext"/>, the adapter's only way to touch it.</summary>
public static class DiscordJson
{
    public static DiscordJsonContext Context => DiscordJsonContext.Default;

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    public static string SerializeToString<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    /// <summary>The record, or false when the text is not JSON of that shape (never throws for bad input).</summary>
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

    public static bool TryParse<T>(JsonElement element, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
    {
        try
        {
            value = element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? default : element.Deserialize(type);
            return value is not null;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }
}
