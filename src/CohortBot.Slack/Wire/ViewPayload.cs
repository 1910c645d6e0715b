using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>A submitted modal: its callback id, the metadata it was opened with, and its inputs' state.</summary>
public sealed record ViewPayload([property: JsonConverter(typeof(Lenient<string>))] string? Id, [property: JsonConverter(typeof(Lenient<string>))] string? Type, [property: JsonConverter(typeof(Lenient<string>))] string? CallbackId, [property: JsonConverter(typeof(Lenient<string>))] string? PrivateMetadata, [property: JsonConverter(typeof(Lenient<string>))] string? Hash, [property: JsonConverter(typeof(Lenient<ViewState>))] ViewState? State);
