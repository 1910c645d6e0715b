using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

public sealed record SlackTeam([property: JsonConverter(typeof(Lenient<string>))] string? Id, [property: JsonConverter(typeof(Lenient<string>))] string? Domain);
