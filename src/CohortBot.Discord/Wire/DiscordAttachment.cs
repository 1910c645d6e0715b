using System.Text.Json.Serialization;

namespace CohortBot.Discord.Wire;

/// <summary>An uploaded file: its signed CDN <see cref="Url"/> expires, so it is fetched on arrival.</summary>
public sealed record DiscordAttachment(string Id, string? Filename, [property: JsonConverter(typeof(Lenient<long?>))] long? Size, string? Url, string? ProxyUrl, string? ContentType);
