namespace CohortBot.Core.Completion;

/// <summary>
/// When a participant has completed the cohort (the <c>completion:</c> section of the cohort file).
/// Excused weeks beyond <see cref="MaxExcusedWeeks"/> count as missed.
/// </summary>
/// <param name="MaxExcusedWeeks">Weeks an organizer may excuse without consequence.</param>
/// <param name="MaxMissedWeeks">Weeks without an approved proof that are still tolerated.</param>
/// <param name="LateProofsCount">Whether an approved proof sent after the (participant's) deadline counts.</param>
/// <param name="CertificateRequired">An approved certificate submitted before the (participant's) deadline is required.</param>
/// <param name="MinEventsAttended">Events (talks, office hours) attended, by check-in or marked by an organizer.</param>
public sealed record CompletionRules(int MaxExcusedWeeks, int MaxMissedWeeks, bool LateProofsCount, bool CertificateRequired, int MinEventsAttended)
{
    /// <summary>Every week approved, nothing excused, late proofs count, no certificate or events needed.</summary>
    public static CompletionRules Default { get; } = new(0, 0, LateProofsCount: true, CertificateRequired: false, MinEventsAttended: 0);
}
