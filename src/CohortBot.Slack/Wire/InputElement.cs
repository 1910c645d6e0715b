using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>The element of an input block.</summary>
[JsonDerivedType(typeof(PlainTextInputElement))]
[JsonDerivedType(typeof(FileInputElement))]
public abstract record InputElement([property: JsonPropertyOrder(-1)] string Type, string ActionId);
