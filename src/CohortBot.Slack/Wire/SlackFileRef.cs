using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>A file as a file input reports it; its download URL comes from files.info.</summary>
public sealed record SlackFileRef([property: JsonConverter(typeof(Lenient<string>))] string? Id, [property: JsonConverter(typeof(Lenient<string>))] string? Name);
