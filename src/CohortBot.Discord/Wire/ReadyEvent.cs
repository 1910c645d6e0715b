namespace CohortBot.Discord.Wire;

/// <summary>
/// <c>READY</c>: what a later Resume needs (session and where to resume). Guild stubs, shard and
/// the application's flags are ignored on purpose.
/// </summary>
public sealed record ReadyEvent(int V, DiscordUser? User, string? SessionId, string? ResumeGatewayUrl, ReadyApplication? Application);
