using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

public sealed record SlackChannelRef([property: JsonConverter(typeof(Lenient<string>))] string? Id, [property: JsonConverter(typeof(Lenient<string>))] string? Name);
