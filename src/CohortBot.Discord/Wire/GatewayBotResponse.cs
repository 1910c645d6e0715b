namespace CohortBot.Discord.Wire;

/// <summary><c>GET /gateway/bot</c>: where to connect, and how many Identifies are left today.</summary>
public sealed record GatewayBotResponse(string? Url, int? Shards, SessionStartLimit? SessionStartLimit);
