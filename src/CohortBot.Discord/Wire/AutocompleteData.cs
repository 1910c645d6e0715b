namespace CohortBot.Discord.Wire;

/// <summary>Callback type 8's data: at most 25 choices.</summary>
public sealed record AutocompleteData(IReadOnlyList<CommandOptionChoice> Choices);
