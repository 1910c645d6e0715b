namespace CohortBot.Slack.Wire;

/// <summary>One action of <c>block_actions</c>: a pressed button's <see cref="ActionId"/> and <see cref="Value"/>.</summary>
public sealed record BlockActionPayload(string? ActionId, string? BlockId, string? Type, string? Value, string? ActionTs);
