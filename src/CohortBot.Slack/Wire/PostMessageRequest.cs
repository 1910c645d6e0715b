namespace CohortBot.Slack.Wire;

/// <summary>chat.postMessage; <see cref="Text"/> is the notification and the fallback for clients without blocks.</summary>
public sealed record PostMessageRequest(string Channel, string Text, IReadOnlyList<Block>? Blocks, bool? UnfurlLinks);
