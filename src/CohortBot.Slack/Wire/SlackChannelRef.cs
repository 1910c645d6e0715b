namespace CohortBot.Slack.Wire;

public sealed record SlackChannelRef(string? Id, string? Name);
