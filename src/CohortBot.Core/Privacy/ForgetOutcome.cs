namespace CohortBot.Core.Privacy;

/// <summary>What forgetting changed: rows cleared or removed, and proof files deleted.</summary>
public sealed record ForgetOutcome(int Rows, int Files);
