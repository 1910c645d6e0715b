namespace CohortBot.Slack.Wire;

/// <summary>An answer whose content the bot does not need (chat.postEphemeral, views.open, files.completeUploadExternal).</summary>
public sealed record SlackResponse(bool Ok, string? Error, string? Warning) : ISlackResponse;
