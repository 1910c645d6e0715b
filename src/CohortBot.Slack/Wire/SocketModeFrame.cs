using System.Text.Json;
using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>
/// A frame received on a Socket Mode WebSocket, whichever its <see cref="Type"/>: <c>hello</c>
/// (<see cref="NumConnections"/>, <see cref="ConnectionInfo"/>, <see cref="DebugInfo"/>),
/// <c>disconnect</c> (<see cref="Reason"/>), or an envelope (<see cref="EnvelopeId"/>,
/// <see cref="Payload"/>, <see cref="AcceptsResponsePayload"/>, and for <c>events_api</c> the retry
/// fields). The payload stays a JSON element until the type says which record it is.
/// </summary>
public sealed record SocketModeFrame(
    [property: JsonConverter(typeof(Lenient<string>))] string? Type,
    string? EnvelopeId,
    JsonElement? Payload,
    [property: JsonConverter(typeof(Lenient<bool>))] bool AcceptsResponsePayload,
    [property: JsonConverter(typeof(Lenient<int?>))] int? RetryAttempt,
    [property: JsonConverter(typeof(Lenient<string>))] string? RetryReason,
    [property: JsonConverter(typeof(Lenient<string>))] string? Reason,
    [property: JsonConverter(typeof(Lenient<int?>))] int? NumConnections,
    [property: JsonConverter(typeof(Lenient<SocketModeDebugInfo>))] SocketModeDebugInfo? DebugInfo,
    [property: JsonConverter(typeof(Lenient<SocketModeConnectionInfo>))] SocketModeConnectionInfo? ConnectionInfo);
