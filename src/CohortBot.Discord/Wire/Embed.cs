namespace CohortBot.Discord.Wire;

public sealed record Embed(string? Title, string? Description, int? Color, IReadOnlyList<EmbedField>? Fields);
