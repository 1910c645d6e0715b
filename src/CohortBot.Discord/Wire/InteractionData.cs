using System.Text.Json.Serialization;

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
    [property: JsonConverter(typeof(LenientList<InteractionDataOption>))] IReadOnlyList<InteractionDataOption>? Options,
    [property: JsonConverter(typeof(Lenient<ResolvedData>))] ResolvedData? Resolved,
    string? GuildId,
    string? TargetId,
    string? CustomId,
    ComponentType? ComponentType,
    IReadOnlyList<string>? Values,
    [property: JsonConverter(typeof(LenientList<SubmittedComponent>))] IReadOnlyList<SubmittedComponent>? Components);
