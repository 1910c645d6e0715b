namespace CohortBot.Slack.Wire;

/// <summary>chat.postEphemeral: only <see cref="User"/> sees it, and only if they are in the channel.</summary>
public sealed record PostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block>? Blocks);
