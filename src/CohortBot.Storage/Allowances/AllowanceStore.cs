using CohortBot.Core.Allowances;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Allowances;

public sealed class AllowanceStore(SqliteConnectionFactory connections) : IAllowanceStore
{
    private const string InsertExcused = """
        INSERT INTO excused_weeks (cohort_id, participant_id, week_id, reason, excused_by, excused_at)
        VALUES (@cohortId, @participantId, @weekId, @reason, @by, @at)
        ON CONFLICT (participant_id, week_id) DO NOTHING
        """;

    private const string SelectExtension = "SELECT due_at FROM deadline_extensions WHERE participant_id = @participantId AND COALESCE(week_id, 0) = COALESCE(@weekId, 0)";

    private const string UpsertExtension = """
        INSERT INTO deadline_extensions (cohort_id, participant_id, week_id, due_at, granted_by, granted_at)
        VALUES (@cohortId, @participantId, @weekId, @dueAt, @by, @at)
        ON CONFLICT (participant_id, COALESCE(week_id, 0)) DO UPDATE SET due_at = excluded.due_at, granted_by = excluded.granted_by, granted_at = excluded.granted_at
        """;

    private const string SelectExcusedOf = "SELECT week_id FROM excused_weeks WHERE participant_id = @participantId";

    private const string SelectExtensionsOf = "SELECT week_id, due_at FROM deadline_extensions WHERE participant_id = @participantId";

    public async Task<bool> ExcuseWeekAsync(long cohortId, long participantId, long weekId, string? reason, string by, DateTimeOffset at, CancellationToken ct)
    {
        return await connections.ExecuteAsync(InsertExcused, new { cohortId, participantId, weekId, reason, by, at = Instants.ToDb(at) }, ct) == 1;
    }

    public Task<DateTimeOffset?> ExtendAsync(long cohortId, long participantId, long? weekId, DateTimeOffset dueAt, string by, DateTimeOffset at, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var previous = await db.ExecuteScalarAsync<long?>(SelectExtension, new { participantId, weekId }, tx);
            await db.ExecuteAsync(UpsertExtension, new { cohortId, participantId, weekId, dueAt = Instants.ToDb(dueAt), by, at = Instants.ToDb(at) }, tx);
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
}
