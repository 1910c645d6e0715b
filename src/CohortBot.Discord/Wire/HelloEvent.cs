namespace CohortBot.Discord.Wire;

/// <summary>Op 10 <c>d</c>: how often to beat, in milliseconds.</summary>
public sealed record HelloEvent(long HeartbeatInterval);
