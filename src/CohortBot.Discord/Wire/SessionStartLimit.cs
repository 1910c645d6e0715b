namespace CohortBot.Discord.Wire;

/// <summary><see cref="ResetAfter"/> is in milliseconds.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
