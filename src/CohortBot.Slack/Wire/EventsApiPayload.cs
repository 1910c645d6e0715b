using System.Text.Json;

namespace CohortBot.Slack.Wire;

/// <summary>An Events API callback: the bot subscribes to none, so only its id (for deduplication) is read.</summary>
public sealed record EventsApiPayload(string? Type, string? EventId, JsonElement? Event);
