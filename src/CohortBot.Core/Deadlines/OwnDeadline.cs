namespace CohortBot.Core.Deadlines;

/// <summary>The certificate deadline as it applies to one participant.</summary>
/// <param name="Extended">An organizer moved it later than the cohort's for this participant.</param>
public sealed record OwnDeadline(DateTimeOffset DueAt, bool Extended)
{
    /// <summary>The cohort's deadline, or the participant's extension when that is later.</summary>
    public static OwnDeadline Of(DateTimeOffset cohortDeadline, DateTimeOffset? extension) =>
        extension is { } own && own > cohortDeadline ? new(own, Extended: true) : new(cohortDeadline, Extended: false);
}
