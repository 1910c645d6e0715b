using System.Text.Json.Nodes;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// One delivery from Slack, whichever transport brought it: a Socket Mode envelope or an HTTP request.
/// </summary>
/// <param name="Type"><c>slash_commands</c>, <c>interactive</c> or <c>events_api</c>.</param>
/// <param name="Payload">The slash-command or interactivity payload.</param>
/// <param name="EnvelopeId">Socket Mode envelope id, if any.</param>
/// <param name="AcceptsResponsePayload">Whether the acknowledgement may carry the answer.</param>
/// <param name="RetryAttempt">Slack's retry counter, 0 for a first delivery.</param>
internal sealed record InboundRequest(string Type, JsonObject Payload, string? EnvelopeId, bool AcceptsResponsePayload, int RetryAttempt = 0)
{
    public string? PayloadType => Text(Payload["type"]);

    public string? TriggerId => Text(Payload["trigger_id"]);

    /// <summary>
    /// What identifies the user's action across Slack's retries, whichever socket or transport they
    /// come by: the trigger id (commands, buttons, forms), else the event id, else the envelope.
    /// </summary>
    public string? DeliveryId => TriggerId ?? Text(Payload["event_id"]) ?? EnvelopeId;

    /// <summary>The acting user: <c>user_id</c> in slash commands, <c>user.id</c> in interactivity payloads.</summary>
    public string? UserId => Text(Payload["user_id"]) ?? Text(Payload["user"]?["id"]);

    /// <summary>Whether the answer can ride on the acknowledgement (slash commands and form submissions).</summary>
    public bool AnswersInAck => AcceptsResponsePayload && (Type == "slash_commands" || PayloadType == "view_submission");

    /// <summary>The request as the inbox keeps it, to finish it after a restart.</summary>
    public string ToInboxPayload() => new JsonObject
    {
        ["type"] = Type,
        ["payload"] = Payload.DeepClone(),
    }.ToJsonString();

    public static InboundRequest? FromInboxPayload(string json)
    {
        try
        {
            var node = JsonNode.Parse(json) as JsonObject;
            return node is not null && Text(node["type"]) is { } type && node["payload"] is JsonObject payload
                ? new InboundRequest(type, (JsonObject)payload.DeepClone(), null, AcceptsResponsePayload: false)
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
