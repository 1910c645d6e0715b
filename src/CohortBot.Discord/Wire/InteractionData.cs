namespace CohortBot.Discord.Wire;

/// <summary>
/// <c>data</c> of an interaction; which fields are set depends on its type: command and
/// autocomplete (<see cref="Name"/>, <see cref="Options"/>, <see cref="Resolved"/>), component
/// (<see cref="CustomId"/>, <see cref="ComponentType"/>, <see cref="Values"/>), modal submit
/// (<see cref="CustomId"/>, <see cref="Components"/>).
/// </summary>
public sealed record InteractionData(
    string? Id,
    string? Name,
    ApplicationCommandType? Type,
    IReadOnlyList<InteractionDataOption>? Options,
    ResolvedData? Resolved,
    string? GuildId,
    string? TargetId,
    string? CustomId,
    ComponentType? ComponentType,
    IReadOnlyList<string>? Values,
    IReadOnlyList<SubmittedComponent>? Components);
