namespace CohortBot.Slack;

/// <summary>The platform key Slack users and state carry in the core.</summary>
public static class SlackPlatform
{
    public const string Name = "slack";
}
