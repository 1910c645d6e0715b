using System.Data.Common;
using CohortBot.Core.Attendance;
using CohortBot.Storage.Sqlite;
using Dapper;
using CohortBot.Core.Audit;
using CohortBot.Storage.Audit;

namespace CohortBot.Storage.Attendance;

public sealed class AttendanceStore(Database connections) : IAttendanceStore
{
    // An expired code frees its text for reuse; deleting it first keeps the unique index honest.
    private const string DeleteExpired = "DELETE FROM checkin_codes WHERE cohort_id = @cohortId AND code = @code AND expires_at <= @now";

    private const string InsertCode = """
        INSERT INTO checkin_codes (cohort_id, event_id, code, opened_by, opened_at, expires_at)
        VALUES (@cohortId, @eventId, @code, @openedBy, @now, @expiresAt)
        ON CONFLICT (cohort_id, code) DO NOTHING
        """;

    private const string SelectEventKeyOfCode = """
        SELECT e.key FROM checkin_codes c JOIN events e ON e.id = c.event_id
        WHERE c.cohort_id = @cohortId AND c.code = @code AND c.expires_at > @now
        """;

    private const string InsertAttendance = """
        INSERT INTO attendance (cohort_id, event_id, participant_id, source, recorded_at)
        VALUES (@cohortId, @eventId, @participantId, @source, @at)
        ON CONFLICT (event_id, participant_id) DO NOTHING
        """;

    public Task<bool> OpenCheckinAsync(long cohortId, long eventId, string code, string openedBy, DateTimeOffset now, DateTimeOffset expiresAt, Func<bool, AuditEntry?>? audit, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var args = new { cohortId, eventId, code, openedBy, now = Instants.ToDb(now), expiresAt = Instants.ToDb(expiresAt) };
            await db.ExecuteAsync(DeleteExpired, args, tx);
            var opened = await db.ExecuteAsync(InsertCode, args, tx) == 1;
            await AuditLog.AppendAsync(db, tx, audit, opened);
            return opened;
        }, ct);

    public async Task<string?> EventKeyOfCodeAsync(long cohortId, string code, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<string?>(new CommandDefinition(SelectEventKeyOfCode, new { cohortId, code, now = Instants.ToDb(now) }, cancellationToken: ct));
    }

    public Task<bool> MarkAsync(long cohortId, long eventId, long participantId, string source, DateTimeOffset at, Func<bool, AuditEntry?>? audit, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var added = await db.ExecuteAsync(InsertAttendance, new { cohortId, eventId, participantId, source, at = Instants.ToDb(at) }, tx) == 1;
            await AuditLog.AppendAsync(db, tx, audit, added);
            return added;
        }, ct);
}
