namespace CohortBot.Slack.Wire;

/// <summary>Text (≤ 3000) and/or up to 10 fields (≤ 2000 each).</summary>
public sealed record SectionBlock(TextObject? Text, IReadOnlyList<TextObject>? Fields) : Block("section");
