namespace CohortBot.Slack.Wire;

/// <summary>Where to POST the bytes (a credential of its own) and the file id to complete.</summary>
public sealed record UploadUrlResponse(bool Ok, string? Error, string? UploadUrl, string? FileId) : ISlackResponse;
