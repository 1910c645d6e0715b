using System.Text.Json;
using System.Text.Json.Serialization;

namespace CohortBot.Discord.Wire;

/// <summary>
/// One option the user gave: <see cref="Value"/> is a string, integer, number or boolean by
/// <see cref="Type"/> (possibly partial while autocompleting); sub-commands carry <see cref="Options"/>.
/// </summary>
public sealed record InteractionDataOption(
    string Name,
    [property: JsonConverter(typeof(Lenient<ApplicationCommandOptionType>))] ApplicationCommandOptionType Type,
    JsonElement? Value,
    [property: JsonConverter(typeof(LenientList<InteractionDataOption>))] IReadOnlyList<InteractionDataOption>? Options,
    [property: JsonConverter(typeof(Lenient<bool?>))] bool? Focused)
{
    /// <summary>The value as text: a string as is, any other JSON value as written.</summary>
    public string? Text => Value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } v => v.GetRawText(),
    };

    public bool TryGetInteger(out long value)
    {
        value = 0;
        return Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out value);
    }

    public bool TryGetBoolean(out bool value)
    {
        value = Value is { ValueKind: JsonValueKind.True };
        return Value is { ValueKind: JsonValueKind.True or JsonValueKind.False };
    }
}
