namespace CohortBot.Discord.Gateway;

public enum GatewayConnectionState
{
    Disconnected,
    Connecting,
    Resuming,
    Ready,
    Reconnecting,

    /// <summary>Discord closed with a code that forbids reconnecting (bad token, intents, shard); needs an operator.</summary>
    Stopped,
}
