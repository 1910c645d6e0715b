namespace CohortBot.Core.Participants;

/// <summary>The platform keys the bot knows: identity columns in rosters and exports, channel settings.</summary>
public static class PlatformKeys
{
    public static IReadOnlyList<string> All { get; } = ["discord", "slack", "terminal"];
}
