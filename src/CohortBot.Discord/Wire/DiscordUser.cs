namespace CohortBot.Discord.Wire;

/// <summary>A user object; avatar, flags and the rest are ignored on purpose.</summary>
public sealed record DiscordUser(string Id, string? Username, string? GlobalName, string? Discriminator, bool? Bot);
