namespace CohortBot.Discord.Wire;

/// <summary>The partial application in <c>READY</c>.</summary>
public sealed record ReadyApplication(string? Id, long? Flags);
