namespace CohortBot.Core.Events;

public sealed record Speaker(string Name, string? Role);
