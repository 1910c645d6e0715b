using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>A Block Kit layout block; each kind is its own record, written with its <see cref="Type"/> first.</summary>
[JsonDerivedType(typeof(HeaderBlock))]
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
[JsonDerivedType(typeof(InputBlock))]
public abstract record Block([property: JsonPropertyOrder(-1)] string Type);
