namespace CohortBot.Discord.Wire;

/// <summary>A created or edited message as Discord returns it; the rest is ignored on purpose.</summary>
public sealed record DiscordMessage(string Id, string? ChannelId, string? Nonce);
