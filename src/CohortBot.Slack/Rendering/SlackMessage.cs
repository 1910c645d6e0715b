using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Rendering;

/// <summary>A message ready for Slack: the notification/fallback text and the Block Kit blocks.</summary>
internal sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks, bool Ephemeral)
{
    /// <summary>The blocks as a request carries them: absent when there are none.</summary>
    public IReadOnlyList<Block>? BlocksOrNull => Blocks.Count > 0 ? Blocks : null;
}
