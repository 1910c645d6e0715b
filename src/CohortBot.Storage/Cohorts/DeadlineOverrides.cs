using System.Data.Common;
using CohortBot.Core.Schedule;
using CohortBot.Storage.Sqlite;
using Dapper;
using CohortBot.Core.Audit;
using CohortBot.Storage.Audit;

namespace CohortBot.Storage.Cohorts;

/// <summary>
/// Week deadlines moved in chat. The latest edit wins: a chat move survives restarts while the
/// cohort file still gives the deadline it replaced; editing that week's deadline in the file
/// afterwards makes the file win again (the override is dropped on the next sync).
/// </summary>
public sealed class DeadlineOverrides(Database connections, CohortCache cache) : IScheduleAdmin
{
    private const string SelectWeek = "SELECT id, due_at, closes_at FROM weeks WHERE cohort_id = @cohortId AND number = @weekNumber AND retired = 0";

    private const string SelectFileDue = "SELECT file_due_at FROM week_deadline_overrides WHERE cohort_id = @cohortId AND week_number = @weekNumber";

    private const string UpsertOverride = """
        INSERT INTO week_deadline_overrides (cohort_id, week_number, file_due_at, due_at, set_by, set_at)
        VALUES (@cohortId, @weekNumber, @fileDueAt, @dueAt, @by, @now)
        ON CONFLICT (cohort_id, week_number) DO UPDATE SET due_at = excluded.due_at, set_by = excluded.set_by, set_at = excluded.set_at
        """;

    private const string MoveWeek = "UPDATE weeks SET due_at = @dueAt, closes_at = MAX(closes_at, @dueAt) WHERE id = @id";

    private const string MoveWeekPostgres = "UPDATE weeks SET due_at = @dueAt, closes_at = GREATEST(closes_at, @dueAt) WHERE id = @id";

    private const string SelectOverrides = """
        SELECT o.id, o.file_due_at, o.due_at, w.id AS week_id, w.due_at AS week_due_at
        FROM week_deadline_overrides o JOIN weeks w ON w.cohort_id = o.cohort_id AND w.number = o.week_number
        WHERE o.cohort_id = @cohortId
        """;

    private const string DropOverride = "DELETE FROM week_deadline_overrides WHERE id = @id";

    public async Task<DateTimeOffset?> MoveWeekDeadlineAsync(long cohortId, int weekNumber, DateTimeOffset dueAt, string by, DateTimeOffset now, Func<DateTimeOffset?, AuditEntry?>? audit, CancellationToken ct)
    {
        try
        {
            return await MoveAsync(cohortId, weekNumber, dueAt, by, now, audit, ct);
        }
        finally
        {
            cache.Invalidate();
        }
    }

    private Task<DateTimeOffset?> MoveAsync(long cohortId, int weekNumber, DateTimeOffset dueAt, string by, DateTimeOffset now, Func<DateTimeOffset?, AuditEntry?>? audit, CancellationToken ct) =>
        connections.InTransactionAsync<DateTimeOffset?>(async (db, tx) =>
        {
            var week = (await db.QueryAsync<(long Id, long DueAt, long ClosesAt)>(SelectWeek, new { cohortId, weekNumber }, tx)).ToList();
            if (week.Count == 0)
            {
                return null;
            }

            var fileDueAt = await db.ExecuteScalarAsync<long?>(SelectFileDue, new { cohortId, weekNumber }, tx) ?? week[0].DueAt;
            await db.ExecuteAsync(UpsertOverride, new { cohortId, weekNumber, fileDueAt, dueAt = Instants.ToDb(dueAt), by, now = Instants.ToDb(now) }, tx);
            await db.ExecuteAsync(DialectSql.For(db, MoveWeek, MoveWeekPostgres), new { id = week[0].Id, dueAt = Instants.ToDb(dueAt) }, tx);
            DateTimeOffset? previous = Instants.FromDb(week[0].DueAt);
            await AuditLog.AppendAsync(db, tx, audit, previous);
            return previous;
        }, ct);

    /// <summary>Runs inside the sync transaction, after the weeks were made to match the file.</summary>
    internal static async Task ApplyAsync(DbConnection db, DbTransaction tx, long cohortId)
    {
        foreach (var o in await db.QueryAsync<(long Id, long FileDueAt, long DueAt, long WeekId, long WeekDueAt)>(SelectOverrides, new { cohortId }, tx))
        {
            if (o.WeekDueAt == o.FileDueAt || o.WeekDueAt == o.DueAt)
            {
                await db.ExecuteAsync(DialectSql.For(db, MoveWeek, MoveWeekPostgres), new { id = o.WeekId, dueAt = o.DueAt }, tx);
            }
            else
            {
                await db.ExecuteAsync(DropOverride, new { id = o.Id }, tx);
            }
        }
    }
}
