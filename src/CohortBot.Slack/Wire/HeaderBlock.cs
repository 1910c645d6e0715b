namespace CohortBot.Slack.Wire;

/// <summary>Plain text, at most 150 characters.</summary>
public sealed record HeaderBlock(TextObject Text) : Block("header");
