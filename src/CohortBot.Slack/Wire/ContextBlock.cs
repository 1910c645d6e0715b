namespace CohortBot.Slack.Wire;

public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block("context");
