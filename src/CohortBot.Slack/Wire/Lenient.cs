using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CohortBot.Slack.Wire;

/// <summary>
/// A field Slack documents but a hostile or broken payload may send as another JSON type (a flag
/// as a number, a user as a string): read as usual, or as absent when it cannot be read, so the
/// envelope is still acknowledged and its sender answered rather than the whole frame dropped.
/// Only <c>envelope_id</c> stays strict: a frame whose id cannot be read cannot be acknowledged.
/// </summary>
internal sealed class Lenient<T> : JsonConverter<T>
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var start = reader;
        try
        {
            return JsonSerializer.Deserialize(ref reader, Info(options));
        }
        catch (JsonException)
        {
            reader = start;
            reader.Skip();
            return default;
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, Info(options));

    private static JsonTypeInfo<T> Info(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}

/// <summary>A list whose elements that cannot be read are left out (an action that is a number), the rest kept.</summary>
internal sealed class LenientList<T> : JsonConverter<IReadOnlyList<T>>
    where T : class
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = reader;
            try
            {
                if (JsonSerializer.Deserialize(ref reader, info) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (JsonException)
            {
                reader = start;
                reader.Skip();
            }
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, info);
        }

        writer.WriteEndArray();
    }
}
