namespace CohortBot.Slack.Wire;

public sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<Block>? Blocks);
