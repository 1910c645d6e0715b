using System.Text.Json.Serialization;

namespace CohortBot.Discord.Wire;

/// <summary>
/// A component in a modal submission: a legacy action row (type 1) holds its inputs in
/// <see cref="Components"/>, a Label (type 18) holds one in <see cref="Component"/>; a text input
/// (type 4) carries <see cref="CustomId"/> and <see cref="Value"/>.
/// </summary>
public sealed record SubmittedComponent(
    [property: JsonConverter(typeof(Lenient<ComponentType>))] ComponentType Type,
    [property: JsonConverter(typeof(Lenient<string>))] string? CustomId,
    [property: JsonConverter(typeof(Lenient<string>))] string? Value,
    [property: JsonConverter(typeof(LenientList<SubmittedComponent>))] IReadOnlyList<SubmittedComponent>? Components,
    [property: JsonConverter(typeof(Lenient<SubmittedComponent>))] SubmittedComponent? Component)
{
    /// <summary>The text inputs inside this component, whichever layout holds them.</summary>
    public IEnumerable<SubmittedComponent> Inputs() =>
        Components is not null ? Components.SelectMany(c => c.Inputs())
        : Component is not null ? Component.Inputs()
        : CustomId is not null ? [this]
        : [];
}
