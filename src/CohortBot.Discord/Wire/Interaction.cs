namespace CohortBot.Discord.Wire;

/// <summary>
/// An interaction, as <c>INTERACTION_CREATE</c>'s <c>d</c> or the HTTP endpoint's body. The
/// invoker is <c>member.user</c> in a guild and <c>user</c> in a DM. Entitlements, guild and
/// channel objects, contexts and limits are ignored on purpose: the inbox keeps the raw payload.
/// </summary>
public sealed record Interaction(
    string Id,
    string? ApplicationId,
    InteractionType Type,
    string Token,
    int? Version,
    InteractionData? Data,
    string? GuildId,
    string? ChannelId,
    GuildMember? Member,
    DiscordUser? User,
    string? Locale,
    string? GuildLocale,
    string? AppPermissions)
{
    /// <summary>The user who acted: the member's user in a guild, else the user.</summary>
    public DiscordUser? Invoker => Member?.User ?? User;
}
