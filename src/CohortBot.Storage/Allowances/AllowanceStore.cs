using System.Data.Common;
using CohortBot.Core.Allowances;
using CohortBot.Storage.Sqlite;
using Dapper;
using CohortBot.Core.Audit;
using CohortBot.Storage.Audit;

namespace CohortBot.Storage.Allowances;

public sealed class AllowanceStore(Database connections) : IAllowanceStore
{
    private const string InsertExcused = """
        INSERT INTO excused_weeks (cohort_id, participant_id, week_id, reason, excused_by, excused_at)
        VALUES (@cohortId, @participantId, @weekId, @reason, @by, @at)
        ON CONFLICT (participant_id, week_id) DO NOTHING
        """;

    private const string IsExcused = "SELECT COUNT(*) FROM excused_weeks WHERE participant_id = @participantId AND week_id = @weekId";

    private const string CountExcused = "SELECT COUNT(*) FROM excused_weeks WHERE participant_id = @participantId";

    private const string SelectExtension = "SELECT due_at FROM deadline_extensions WHERE participant_id = @participantId AND COALESCE(week_id, 0) = COALESCE(@weekId, 0)";

    private const string UpsertExtension = """
        INSERT INTO deadline_extensions (cohort_id, participant_id, week_id, due_at, granted_by, granted_at)
        VALUES (@cohortId, @participantId, @weekId, @dueAt, @by, @at)
        ON CONFLICT (participant_id, COALESCE(week_id, 0)) DO UPDATE SET due_at = excluded.due_at, granted_by = excluded.granted_by, granted_at = excluded.granted_at
        """;

    private const string SelectExcusedOf = "SELECT week_id FROM excused_weeks WHERE participant_id = @participantId";

    private const string SelectExtensionsOf = "SELECT week_id, due_at FROM deadline_extensions WHERE participant_id = @participantId";

    private const string SelectExcusedOfMany = "SELECT participant_id, week_id FROM excused_weeks WHERE participant_id IN @ids";

    private const string SelectExcusedOfManyPostgres = "SELECT participant_id, week_id FROM excused_weeks WHERE participant_id = ANY(@ids)";

    private const string SelectExtensionsOfMany = "SELECT participant_id, week_id, due_at FROM deadline_extensions WHERE participant_id IN @ids";

    private const string SelectExtensionsOfManyPostgres = "SELECT participant_id, week_id, due_at FROM deadline_extensions WHERE participant_id = ANY(@ids)";

    private const string SelectExtensionsOfCohort = "SELECT participant_id, week_id, due_at FROM deadline_extensions WHERE cohort_id = @cohortId ORDER BY participant_id, week_id";

    public Task<ExcuseOutcome> ExcuseWeekAsync(long cohortId, long participantId, long weekId, string? reason, string by, DateTimeOffset at, int limit, Func<ExcuseOutcome, AuditEntry?>? audit, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            if (await db.ExecuteScalarAsync<long>(IsExcused, new { participantId, weekId }, tx) > 0)
            {
                return ExcuseOutcome.AlreadyExcused;
            }

            if (await db.ExecuteScalarAsync<long>(CountExcused, new { participantId }, tx) >= limit)
            {
                return ExcuseOutcome.LimitReached;
            }

            await db.ExecuteAsync(InsertExcused, new { cohortId, participantId, weekId, reason, by, at = Instants.ToDb(at) }, tx);
            await AuditLog.AppendAsync(db, tx, audit, ExcuseOutcome.Excused);
            return ExcuseOutcome.Excused;
        }, ct);

    public Task<DateTimeOffset?> ExtendAsync(long cohortId, long participantId, long? weekId, DateTimeOffset dueAt, string by, DateTimeOffset at, Func<DateTimeOffset?, AuditEntry?>? audit, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var previous = await db.ExecuteScalarAsync<long?>(SelectExtension, new { participantId, weekId }, tx);
            await db.ExecuteAsync(UpsertExtension, new { cohortId, participantId, weekId, dueAt = Instants.ToDb(dueAt), by, at = Instants.ToDb(at) }, tx);
            await AuditLog.AppendAsync(db, tx, audit, Instants.FromDb(previous));
            return Instants.FromDb(previous);
        }, ct);

    public async Task<ParticipantAllowances> ForParticipantAsync(long participantId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var excused = await db.QueryAsync<long>(new CommandDefinition(SelectExcusedOf, new { participantId }, cancellationToken: ct));
        var extensions = (await db.QueryAsync<(long? WeekId, long DueAt)>(new CommandDefinition(SelectExtensionsOf, new { participantId }, cancellationToken: ct))).ToList();
        return new ParticipantAllowances(
            excused.ToHashSet(),
            extensions.Where(e => e.WeekId is not null).ToDictionary(e => e.WeekId!.Value, e => Instants.FromDb(e.DueAt)),
            extensions.Where(e => e.WeekId is null).Select(e => (DateTimeOffset?)Instants.FromDb(e.DueAt)).FirstOrDefault());
    }

    public async Task<IReadOnlyDictionary<long, ParticipantAllowances>> ForParticipantsAsync(IReadOnlyCollection<long> participantIds, CancellationToken ct)
    {
        if (participantIds.Count == 0)
        {
            return new Dictionary<long, ParticipantAllowances>();
        }

        await using var db = await connections.OpenAsync(ct);
        var ids = participantIds.Distinct().ToArray();
        var excused = (await db.QueryAsync<(long ParticipantId, long WeekId)>(new CommandDefinition(connections.Sql(SelectExcusedOfMany, SelectExcusedOfManyPostgres), new { ids }, cancellationToken: ct)))
            .ToLookup(r => r.ParticipantId, r => r.WeekId);
        var extensions = (await db.QueryAsync<(long ParticipantId, long? WeekId, long DueAt)>(new CommandDefinition(connections.Sql(SelectExtensionsOfMany, SelectExtensionsOfManyPostgres), new { ids }, cancellationToken: ct)))
            .ToLookup(r => r.ParticipantId);
        return ids.ToDictionary(id => id, id => new ParticipantAllowances(
            excused[id].ToHashSet(),
            extensions[id].Where(e => e.WeekId is not null).ToDictionary(e => e.WeekId!.Value, e => Instants.FromDb(e.DueAt)),
            extensions[id].Where(e => e.WeekId is null).Select(e => (DateTimeOffset?)Instants.FromDb(e.DueAt)).FirstOrDefault()));
    }

    public async Task<IReadOnlyList<DeadlineExtension>> ExtensionsAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(long ParticipantId, long? WeekId, long DueAt)>(new CommandDefinition(SelectExtensionsOfCohort, new { cohortId }, cancellationToken: ct));
        return rows.Select(r => new DeadlineExtension(r.ParticipantId, r.WeekId, Instants.FromDb(r.DueAt))).ToList();
    }
}
