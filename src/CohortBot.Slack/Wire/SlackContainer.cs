using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

public sealed record SlackContainer([property: JsonConverter(typeof(Lenient<string>))] string? Type, [property: JsonConverter(typeof(Lenient<string>))] string? MessageTs, [property: JsonConverter(typeof(Lenient<string>))] string? ChannelId, [property: JsonConverter(typeof(Lenient<bool?>))] bool? IsEphemeral);
