namespace CohortBot.Fakes.Slack;

/// <summary>A file the fake shared through files.completeUploadExternal: the bytes that reached its upload_url, where and how it was shared.</summary>
public sealed record SharedFile(string Id, string? Title, string FileName, byte[] Bytes, string? ChannelId, string? InitialComment);
