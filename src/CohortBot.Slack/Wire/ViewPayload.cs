namespace CohortBot.Slack.Wire;

/// <summary>A submitted modal: its callback id, the metadata it was opened with, and its inputs' state.</summary>
public sealed record ViewPayload(string? Id, string? Type, string? CallbackId, string? PrivateMetadata, string? Hash, ViewState? State);
