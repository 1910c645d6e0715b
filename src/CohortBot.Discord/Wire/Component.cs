namespace CohortBot.Discord.Wire;

/// <summary>
/// A component the bot sends: an action row (<see cref="Components"/>), a button (style, label,
/// custom id) or a modal's text input (style, label, required, max length).
/// </summary>
public sealed record Component
{
    public required ComponentType Type { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public bool? Required { get; init; }

    public int? MaxLength { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public static Component Row(IReadOnlyList<Component> components) => new() { Type = ComponentType.ActionRow, Components = components };
}
