namespace CohortBot.Core.Schedule;

/// <summary>Organizer changes to the cohort's schedule made in chat.</summary>
public interface IScheduleAdmin
{
    /// <summary>
    /// Moves a week's deadline for everyone (and its close, if the deadline passes it), remembered
    /// as an override that later cohort-file syncs keep until the file's own deadline for the week
    /// changes. Returns the deadline it replaced, or null when there is no such week.
    /// </summary>
    Task<DateTimeOffset?> MoveWeekDeadlineAsync(long cohortId, int weekNumber, DateTimeOffset dueAt, string by, DateTimeOffset now, Func<DateTimeOffset?, Audit.AuditEntry?>? audit, CancellationToken ct);
}
