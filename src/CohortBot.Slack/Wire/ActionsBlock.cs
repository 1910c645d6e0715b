namespace CohortBot.Slack.Wire;

/// <summary>Up to 25 buttons.</summary>
public sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : Block("actions");
