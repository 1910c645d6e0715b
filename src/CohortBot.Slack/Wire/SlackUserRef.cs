namespace CohortBot.Slack.Wire;

/// <summary>The acting user in an interactivity payload.</summary>
public sealed record SlackUserRef(string? Id, string? Username, string? Name, string? TeamId);
