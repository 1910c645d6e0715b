namespace CohortBot.Core.Attendance;

/// <summary>Check-in codes and attendance records.</summary>
public interface IAttendanceStore
{
    /// <summary>Stores a new code for the event; false when the code is already in use by an unexpired check-in (pick another).</summary>
    Task<bool> OpenCheckinAsync(long cohortId, long eventId, string code, string openedBy, DateTimeOffset now, DateTimeOffset expiresAt, Func<bool, Audit.AuditEntry?>? audit, CancellationToken ct);

    /// <summary>The event key of an unexpired code, or null.</summary>
    Task<string?> EventKeyOfCodeAsync(long cohortId, string code, DateTimeOffset now, CancellationToken ct);

    /// <summary>Records attendance; false when the participant was already recorded for the event.</summary>
    Task<bool> MarkAsync(long cohortId, long eventId, long participantId, string source, DateTimeOffset at, Func<bool, Audit.AuditEntry?>? audit, CancellationToken ct);
}
