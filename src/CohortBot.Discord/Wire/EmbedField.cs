namespace CohortBot.Discord.Wire;

public sealed record EmbedField(string Name, string Value, bool Inline);
