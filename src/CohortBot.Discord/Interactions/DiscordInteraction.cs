using System.Text.Json;
using CohortBot.Core.Participants;

namespace CohortBot.Discord.Interactions;

/// <summary>The parts of an interaction payload every path needs; <see cref="Data"/> stays raw for the mapper.</summary>
public sealed record DiscordInteraction(string Id, string Token, int Type, JsonElement Data, PlatformUser User, string? ChannelId)
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;

    /// <summary>Reads an interaction, or null when required parts are missing (logged by the caller).</summary>
    public static DiscordInteraction? TryParse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !TryString(payload, "id", out var id)
            || !TryString(payload, "token", out var token)
            || !payload.TryGetProperty("type", out var typeElement)
            || typeElement.ValueKind != JsonValueKind.Number
            || !typeElement.TryGetInt32(out var type))
        {
            return null;
        }

        var data = payload.TryGetProperty("data", out var d) ? d : default;
        if (type == Ping)
        {
            return new DiscordInteraction(id, token, type, data, new PlatformUser("discord", "0", string.Empty), null);
        }

        var member = payload.TryGetProperty("member", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var userElement = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("user", out var mu) ? mu
            : payload.TryGetProperty("user", out var u) ? u : default;
        if (userElement.ValueKind != JsonValueKind.Object || !TryString(userElement, "id", out var userId))
        {
            return null;
        }

        var name = TryString(userElement, "global_name", out var global) ? global
            : TryString(userElement, "username", out var username) ? username
            : userId;
        var locale = TryString(payload, "locale", out var l) ? l : null;
        IReadOnlyList<string>? roles = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : null;
        var channel = TryString(payload, "channel_id", out var c) ? c : null;
        return new DiscordInteraction(id, token, type, data, new PlatformUser("discord", userId, name, locale) { Roles = roles }, channel);
    }

    internal static bool TryString(JsonElement element, string name, out string value)
    {
        value = string.Empty;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } s)
        {
            value = s;
            return true;
        }

        return false;
    }
}
