using System.Text.Json;

namespace CohortBot.Slack.Wire;

/// <summary>
/// A frame received on a Socket Mode WebSocket, whichever its <see cref="Type"/>: <c>hello</c>
/// (<see cref="NumConnections"/>, <see cref="ConnectionInfo"/>, <see cref="DebugInfo"/>),
/// <c>disconnect</c> (<see cref="Reason"/>), or an envelope (<see cref="EnvelopeId"/>,
/// <see cref="Payload"/>, <see cref="AcceptsResponsePayload"/>, and for <c>events_api</c> the retry
/// fields). The payload stays a JSON element until the type says which record it is.
/// </summary>
public sealed record SocketModeFrame(
    string? Type,
    string? EnvelopeId,
    JsonElement? Payload,
    bool AcceptsResponsePayload,
    int? RetryAttempt,
    string? RetryReason,
    string? Reason,
    int? NumConnections,
    SocketModeDebugInfo? DebugInfo,
    SocketModeConnectionInfo? ConnectionInfo);
