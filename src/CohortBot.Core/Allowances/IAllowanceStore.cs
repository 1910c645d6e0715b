namespace CohortBot.Core.Allowances;

/// <summary>What organizers grant one participant: excused weeks and their own deadlines.</summary>
public interface IAllowanceStore
{
    /// <summary>Excuses the week; false when it already was.</summary>
    Task<bool> ExcuseWeekAsync(long cohortId, long participantId, long weekId, string? reason, string by, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Sets the participant's deadline for a week (or, with <paramref name="weekId"/> null, for the
    /// certificate); returns the extension it replaced, if any.
    /// </summary>
    Task<DateTimeOffset?> ExtendAsync(long cohortId, long participantId, long? weekId, DateTimeOffset dueAt, string by, DateTimeOffset at, CancellationToken ct);

    Task<ParticipantAllowances> ForParticipantAsync(long participantId, CancellationToken ct);
}
