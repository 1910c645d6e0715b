namespace CohortBot.Slack.Wire;

public sealed record FilesInfoResponse(bool Ok, string? Error, SlackFileInfo? File) : ISlackResponse;
