namespace CohortBot.Discord.Wire;

/// <summary>Names the multipart part <c>files[Id]</c> in <c>payload_json</c>'s <c>attachments</c>.</summary>
public sealed record AttachmentReference(int Id, string Filename);
