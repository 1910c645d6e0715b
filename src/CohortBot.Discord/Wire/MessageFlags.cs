namespace CohortBot.Discord.Wire;

[Flags]
public enum MessageFlags
{
    None = 0,

    /// <summary>Only the invoker sees it; the only flag allowed on a deferral.</summary>
    Ephemeral = 1 << 6,
}
