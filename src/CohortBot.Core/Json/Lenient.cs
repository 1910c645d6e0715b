using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CohortBot.Core.Json;

/// <summary>
/// A field a platform documents but a hostile or broken payload may send as another JSON type (a
/// Discord attachment size as text, a Slack flag as a number): read as usual, or as absent when it
/// cannot be read, so the delivery is still acknowledged and answered — politely refused by the
/// core — rather than dropped. The adapters put it only on fields they can do without; the ids
/// that acknowledge a delivery (Discord's interaction id and token, Slack's envelope_id) stay strict.
/// </summary>
public sealed class Lenient<T> : JsonConverter<T>
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

/// <summary>A list whose elements that cannot be read are left out (a modal row or a Slack action that is a number), the rest kept.</summary>
public sealed class LenientList<T> : JsonConverter<IReadOnlyList<T>>
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
