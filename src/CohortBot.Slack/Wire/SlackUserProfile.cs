namespace CohortBot.Slack.Wire;

public sealed record SlackUserProfile(string? DisplayName, string? RealName);
