namespace CohortBot.Slack.Wire;

/// <summary><c>debug_info</c> of hello and disconnect; <see cref="ApproximateConnectionTime"/> is the socket's lifetime in seconds.</summary>
public sealed record SocketModeDebugInfo(string? Host, string? Started, int? BuildNumber, int? ApproximateConnectionTime);
