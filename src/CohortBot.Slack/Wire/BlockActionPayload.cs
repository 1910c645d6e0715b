using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>One action of <c>block_actions</c>: a pressed button's <see cref="ActionId"/> and <see cref="Value"/>.</summary>
public sealed record BlockActionPayload([property: JsonConverter(typeof(Lenient<string>))] string? ActionId, [property: JsonConverter(typeof(Lenient<string>))] string? BlockId, [property: JsonConverter(typeof(Lenient<string>))] string? Type, [property: JsonConverter(typeof(Lenient<string>))] string? Value, [property: JsonConverter(typeof(Lenient<string>))] string? ActionTs);
