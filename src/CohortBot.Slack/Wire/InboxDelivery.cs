using System.Text.Json;

namespace CohortBot.Slack.Wire;

/// <summary>A delivery as the inbox keeps it: the envelope type and the payload exactly as Slack sent it.</summary>
public sealed record InboxDelivery(string Type, JsonElement Payload);
