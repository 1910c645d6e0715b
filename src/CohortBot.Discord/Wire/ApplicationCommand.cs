using System.Text.Json.Serialization;

namespace CohortBot.Discord.Wire;

/// <summary>
/// One command of a bulk overwrite. <see cref="DefaultMemberPermissions"/> is a bitset string:
/// "0" shows the command to administrators only, and null (always written) leaves it to everyone.
/// </summary>
public sealed record ApplicationCommand
{
    public required string Name { get; init; }

    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;

    public required string Description { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DefaultMemberPermissions { get; init; }

    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }
}
