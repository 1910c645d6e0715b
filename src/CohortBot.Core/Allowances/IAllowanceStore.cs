namespace CohortBot.Core.Allowances;

/// <summary>What organizers grant one participant: excused weeks and their own deadlines.</summary>
public interface IAllowanceStore
{
    /// <summary>
    /// Excuses the week unless it already is or the participant already has <paramref name="limit"/>
    /// excused weeks; the check and the write are one transaction, so two organizers cannot both
    /// take the last allowance.
    /// </summary>
    Task<ExcuseOutcome> ExcuseWeekAsync(long cohortId, long participantId, long weekId, string? reason, string by, DateTimeOffset at, int limit, Func<ExcuseOutcome, Audit.AuditEntry?>? audit, CancellationToken ct);

    /// <summary>
    /// Sets the participant's deadline for a week (or, with <paramref name="weekId"/> null, for the
    /// certificate); returns the extension it replaced, if any.
    /// </summary>
    Task<DateTimeOffset?> ExtendAsync(long cohortId, long participantId, long? weekId, DateTimeOffset dueAt, string by, DateTimeOffset at, Func<DateTimeOffset?, Audit.AuditEntry?>? audit, CancellationToken ct);

    Task<ParticipantAllowances> ForParticipantAsync(long participantId, CancellationToken ct);

    /// <summary>The allowances of several participants at once (a page of reminder recipients); everyone asked for is in the result.</summary>
    Task<IReadOnlyDictionary<long, ParticipantAllowances>> ForParticipantsAsync(IReadOnlyCollection<long> participantIds, CancellationToken ct);

    /// <summary>Every participant's own deadline in the cohort, for scheduling their reminders.</summary>
    Task<IReadOnlyList<DeadlineExtension>> ExtensionsAsync(long cohortId, CancellationToken ct);
}
