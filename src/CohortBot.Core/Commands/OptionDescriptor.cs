namespace CohortBot.Core.Commands;

/// <summary>One typed option of a command, as the catalogue publishes it to adapters.</summary>
/// <param name="Name">Lowercase option name, e.g. <c>week</c>.</param>
/// <param name="Type">The value type.</param>
/// <param name="Required">Whether the command is refused without it.</param>
/// <param name="Choices">What the value is drawn from (autocomplete or fixed choices); null when free.</param>
public sealed record OptionDescriptor(string Name, OptionType Type, bool Required, OptionChoices Choices = OptionChoices.None)
{
    /// <summary>Message-catalogue key of the option's description.</summary>
    public string DescriptionKey(string command) => $"command.{command}.option.{Name}";

    /// <summary>Upper bound for string values, in characters.</summary>
    public int MaxLength { get; init; } = 1000;

    /// <summary>A string value that may span lines (a note, a reason): line breaks and tabs are kept; elsewhere they become spaces.</summary>
    public bool Multiline { get; init; }

    /// <summary>Inclusive bounds for integer values.</summary>
    public long? MinValue { get; init; }

    public long? MaxValue { get; init; }
}

/// <summary>Where an option's values come from, so adapters can offer choices or autocomplete.</summary>
public enum OptionChoices
{
    None,
    Weeks,
    Events,
    Certificates,
    EventKinds,
    Languages,
}
