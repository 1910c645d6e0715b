namespace CohortBot.Discord.Wire;

/// <summary>A channel as returned by create DM; only the id is used.</summary>
public sealed record DiscordChannel(string Id, int? Type);
