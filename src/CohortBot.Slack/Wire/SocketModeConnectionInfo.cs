namespace CohortBot.Slack.Wire;

public sealed record SocketModeConnectionInfo(string? AppId);
