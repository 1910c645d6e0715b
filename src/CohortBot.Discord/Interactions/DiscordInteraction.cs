using CohortBot.Core.Participants;
using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Interactions;

/// <summary>An interaction as every path needs it: who, where, and the typed <see cref="Data"/> for the mapper.</summary>
public sealed record DiscordInteraction(string Id, string Token, InteractionType Type, InteractionData? Data, PlatformUser User, string? ChannelId)
{
    /// <summary>Reads an interaction, or null when required parts are missing (logged by the caller).</summary>
    public static DiscordInteraction? From(Interaction? payload)
    {
        if (payload is null || string.IsNullOrEmpty(payload.Id) || string.IsNullOrEmpty(payload.Token))
        {
            return null;
        }

        if (payload.Type == InteractionType.Ping)
        {
            return new DiscordInteraction(payload.Id, payload.Token, payload.Type, payload.Data, new PlatformUser("discord", "0", string.Empty), null);
        }

        if (payload.Invoker is not { Id.Length: > 0 } user)
        {
            return null;
        }

        var name = NonEmpty(user.GlobalName) ?? NonEmpty(user.Username) ?? user.Id;
        return new DiscordInteraction(
            payload.Id,
            payload.Token,
            payload.Type,
            payload.Data,
            new PlatformUser("discord", user.Id, name, NonEmpty(payload.Locale)) { Roles = payload.Member?.Roles?.Where(r => r is not null).ToList() },
            NonEmpty(payload.ChannelId));
    }

    /// <summary>Parses the raw payload (as kept in the inbox); null when it is not an interaction.</summary>
    public static DiscordInteraction? Parse(string json) =>
        DiscordJson.TryParse(System.Text.Encoding.UTF8.GetBytes(json), DiscordJson.Context.Interaction, out var payload) ? From(payload) : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
