using System.Text.Json.Nodes;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// One delivery from Slack, whichever transport brought it: a Socket Mode envelope or an HTTP request.
/// </summary>
/// <param name="Type"><c>slash_commands</c>, <c>interactive</c> or <c>events_api</c>.</param>
/// <param name="Payload">The slash-command or interactivity payload.</param>
/// <param name="EnvelopeId">Socket Mode envelope id, if any.</param>
/// <param name="AcceptsResponsePayload">Whether the acknowledgement may carry the answer.</param>
/// <param name="RetryAttempt">Slack's retry counter (events_api), 0 for a first delivery.</param>
internal sealed record InboundRequest(string Type, JsonObject Payload, string? EnvelopeId, bool AcceptsResponsePayload, int RetryAttempt = 0)
{
    public string? PayloadType => (Payload["type"] as JsonValue)?.ToString();

    public string? TriggerId => (Payload["trigger_id"] as JsonValue)?.ToString();
}
