namespace CohortBot.Slack.Wire;

/// <summary>A file as a file input reports it; its download URL comes from files.info.</summary>
public sealed record SlackFileRef(string? Id, string? Name);
