namespace CohortBot.Slack.Wire;

/// <summary>An uploaded file; its private URLs need the bot token.</summary>
public sealed record SlackFileInfo(string? Id, string? Name, long? Size, string? Mimetype, string? UrlPrivate, string? UrlPrivateDownload);
