namespace CohortBot.Core.Completion;

public enum CompletionStatus
{
    /// <summary>Every rule is met.</summary>
    Completed,

    /// <summary>Not yet met, but still possible: something is due, waiting for review, or may be resubmitted.</summary>
    AtRisk,

    /// <summary>A rule can no longer be met.</summary>
    Failed,
}
