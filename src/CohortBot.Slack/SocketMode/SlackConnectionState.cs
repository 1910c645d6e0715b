namespace CohortBot.Slack.SocketMode;

public enum SlackConnectionState
{
    /// <summary>Not started, or stopped with the host.</summary>
    Stopped,

    Connecting,

    /// <summary>At least one socket has said hello.</summary>
    Connected,

    /// <summary>The socket dropped; retrying with backoff.</summary>
    Reconnecting,

    /// <summary>Slack switched Socket Mode off for the app (<c>link_disabled</c>); not retrying.</summary>
    Disabled,
}
