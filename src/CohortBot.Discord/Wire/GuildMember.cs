namespace CohortBot.Discord.Wire;

/// <summary>The invoking member in a guild interaction (<c>member.user</c> is the invoker).</summary>
public sealed record GuildMember(DiscordUser? User, IReadOnlyList<string>? Roles, string? Nick, string? Permissions);
