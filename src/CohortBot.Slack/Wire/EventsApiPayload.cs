using System.Text.Json;
using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>An Events API callback: the bot subscribes to none, so only its id (for deduplication) is read.</summary>
public sealed record EventsApiPayload([property: JsonConverter(typeof(Lenient<string>))] string? Type, [property: JsonConverter(typeof(Lenient<string>))] string? EventId, JsonElement? Event);
