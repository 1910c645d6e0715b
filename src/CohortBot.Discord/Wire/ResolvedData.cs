namespace CohortBot.Discord.Wire;

/// <summary><c>data.resolved</c>: only attachments are read; users, members, roles and channels are ignored on purpose.</summary>
public sealed record ResolvedData(IReadOnlyDictionary<string, DiscordAttachment>? Attachments);
