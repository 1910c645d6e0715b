namespace CohortBot.Core.Commands;

/// <summary>A file sent with a reply (an export, a calendar).</summary>
public sealed record ReplyFile(string FileName, string ContentType, byte[] Content);
