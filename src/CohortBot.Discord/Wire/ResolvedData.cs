using System.Text.Json.Serialization;

namespace CohortBot.Discord.Wire;

/// <summary><c>data.resolved</c>: only attachments are read; users, members, roles and channels are ignored on purpose.</summary>
public sealed record ResolvedData(
    [property: JsonConverter(typeof(Lenient<IReadOnlyDictionary<string, DiscordAttachment>>))] IReadOnlyDictionary<string, DiscordAttachment>? Attachments);
