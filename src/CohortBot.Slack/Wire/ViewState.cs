namespace CohortBot.Slack.Wire;

/// <summary><c>state.values[block_id][action_id]</c>.</summary>
public sealed record ViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>>? Values);
