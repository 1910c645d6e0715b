using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary><c>state.values[block_id][action_id]</c>.</summary>
public sealed record ViewState([property: JsonConverter(typeof(Lenient<IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>>>))] IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>>? Values);
