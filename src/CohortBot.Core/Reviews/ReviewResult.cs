namespace CohortBot.Core.Reviews;

/// <summary>What happened to a decision; <see cref="Item"/> is the proof as it is now (null when unknown).</summary>
public sealed record ReviewResult(ReviewOutcome Outcome, ReviewItem? Item);
