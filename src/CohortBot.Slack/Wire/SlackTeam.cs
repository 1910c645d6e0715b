namespace CohortBot.Slack.Wire;

public sealed record SlackTeam(string? Id, string? Domain);
