using System.Text.Json;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// One delivery from Slack, whichever transport brought it: a Socket Mode envelope or an HTTP
/// request. The raw <see cref="Payload"/> is kept for the inbox; the typed record for its type is
/// read once (<see cref="Command"/>, <see cref="Interaction"/> or <see cref="Event"/>).
/// </summary>
/// <param name="Type"><c>slash_commands</c>, <c>interactive</c> or <c>events_api</c>.</param>
/// <param name="Payload">The payload exactly as Slack sent it.</param>
/// <param name="EnvelopeId">Socket Mode envelope id, if any.</param>
/// <param name="AcceptsResponsePayload">Whether the acknowledgement may carry the answer.</param>
/// <param name="RetryAttempt">Slack's retry counter, 0 for a first delivery.</param>
internal sealed record InboundRequest(string Type, JsonElement Payload, string? EnvelopeId, bool AcceptsResponsePayload, int RetryAttempt = 0)
{
    private static readonly SlackJsonContext Json = SlackJson.Context;

    public SlashCommand? Command { get; } = Type == SocketModeTypes.SlashCommands && SlackJson.TryParse(Payload, Json.SlashCommand, out var c) ? c : null;

    public InteractionPayload? Interaction { get; } = Type == SocketModeTypes.Interactive && SlackJson.TryParse(Payload, Json.InteractionPayload, out var i) ? i : null;

    public EventsApiPayload? Event { get; } = Type == SocketModeTypes.EventsApi && SlackJson.TryParse(Payload, Json.EventsApiPayload, out var e) ? e : null;

    public string? PayloadType => NonEmpty(Interaction?.Type) ?? NonEmpty(Event?.Type);

    public string? TriggerId => NonEmpty(Command?.TriggerId) ?? NonEmpty(Interaction?.TriggerId);

    /// <summary>
    /// What identifies the user's action across Slack's retries, whichever socket or transport they
    /// come by: the trigger id (commands, buttons, forms), else the event id, else the envelope.
    /// </summary>
    public string? DeliveryId => TriggerId ?? NonEmpty(Event?.EventId) ?? EnvelopeId;

    /// <summary>The acting user: <c>user_id</c> in slash commands, <c>user.id</c> in interactivity payloads.</summary>
    public string? UserId => NonEmpty(Command?.UserId) ?? NonEmpty(Interaction?.User?.Id);

    /// <summary>Whether the answer can ride on the acknowledgement (slash commands and form submissions).</summary>
    public bool AnswersInAck => AcceptsResponsePayload && (Type == SocketModeTypes.SlashCommands || PayloadType == InteractionPayload.ViewSubmission);

    /// <summary>A slash command that came as an HTTP form, kept as the same JSON Socket Mode would have brought.</summary>
    public static InboundRequest FromForm(SlashCommand command) =>
        new(SocketModeTypes.SlashCommands, JsonSerializer.SerializeToElement(command, Json.SlashCommand), null, AcceptsResponsePayload: true);

    /// <summary>The request as the inbox keeps it, to finish it after a restart.</summary>
    public string ToInboxPayload() => SlackJson.SerializeToString(new InboxDelivery(Type, Payload), Json.InboxDelivery);

    public static InboundRequest? FromInboxPayload(string json) =>
        SlackJson.TryParse(json, Json.InboxDelivery, out var kept) && kept.Type.Length > 0 && kept.Payload.ValueKind == JsonValueKind.Object
            ? new InboundRequest(kept.Type, kept.Payload, null, AcceptsResponsePayload: false)
            : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
