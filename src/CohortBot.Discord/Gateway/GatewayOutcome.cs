namespace CohortBot.Discord.Gateway;

/// <summary>How one connection ended, and so what the next one does.</summary>
public enum GatewayOutcome
{
    Resume,
    Identify,
    Fatal,
    Stopping,
}
