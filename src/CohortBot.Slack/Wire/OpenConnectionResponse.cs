namespace CohortBot.Slack.Wire;

/// <summary>apps.connections.open: a fresh WebSocket URL for every (re)connect.</summary>
public sealed record OpenConnectionResponse(bool Ok, string? Error, string? Url) : ISlackResponse;
