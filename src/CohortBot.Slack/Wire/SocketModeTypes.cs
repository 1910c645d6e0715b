namespace CohortBot.Slack.Wire;

/// <summary>Frame and envelope types on a Socket Mode socket, and the disconnect reasons that matter.</summary>
public static class SocketModeTypes
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string EventsApi = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    /// <summary>Socket Mode was switched off for the app: stop rather than loop.</summary>
    public const string LinkDisabled = "link_disabled";
}
