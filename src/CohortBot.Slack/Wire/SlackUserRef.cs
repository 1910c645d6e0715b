using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>The acting user in an interactivity payload.</summary>
public sealed record SlackUserRef([property: JsonConverter(typeof(Lenient<string>))] string? Id, [property: JsonConverter(typeof(Lenient<string>))] string? Username, [property: JsonConverter(typeof(Lenient<string>))] string? Name, [property: JsonConverter(typeof(Lenient<string>))] string? TeamId);
