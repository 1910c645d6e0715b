namespace CohortBot.Core.Commands;

/// <summary>A labelled value in a reply (an embed field on Discord, a section field on Slack).</summary>
public sealed record ReplyField(string Name, string Value, bool Inline = false);
