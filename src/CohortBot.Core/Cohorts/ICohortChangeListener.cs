namespace CohortBot.Core.Cohorts;

/// <summary>
/// Told after a change to the cohort's schedule is committed (deadline moved, event created,
/// edited or cancelled, extension granted), so derived work such as reminders can be rebuilt.
/// </summary>
public interface ICohortChangeListener
{
    Task CohortChangedAsync(CohortChange change, CancellationToken ct);
}

/// <summary>What changed: <see cref="Subject"/> is a week number, event id or participant id as text.</summary>
public sealed record CohortChange(long CohortId, CohortChangeKind Kind, string Subject);

public enum CohortChangeKind
{
    /// <summary>The cohort file was synced; anything may have changed.</summary>
    Synced,
    WeekChanged,
    EventChanged,
    ParticipantChanged,

    /// <summary>A participant was given their own deadline (the subject is their id): their reminders move.</summary>
    OwnDeadlineChanged,
}
