using System.Data.Common;
using CohortBot.Core.Events;
using CohortBot.Storage.Sqlite;
using Dapper;
using CohortBot.Core.Audit;
using CohortBot.Storage.Audit;

namespace CohortBot.Storage.Events;

/// <summary>Chat-side writes to events; each marks the event <c>source = 'chat'</c> so the cohort file sync skips it.</summary>
public sealed class EventAdmin(Database connections) : IEventAdmin
{
    private const string Insert = """
        INSERT INTO events (cohort_id, key, kind, title, company, topic, starts_at, ends_at, join_url, capacity, cancelled, source, updated_at)
        VALUES (@cohortId, @key, @Kind, @Title, @Company, @Topic, @StartsAt, @EndsAt, @JoinUrl, @Capacity, 0, 'chat', @now)
        ON CONFLICT (cohort_id, key) DO NOTHING
        RETURNING id
        """;

    private const string Update = """
        UPDATE events SET kind = @Kind, title = @Title, company = @Company, topic = @Topic, starts_at = @StartsAt, ends_at = @EndsAt,
            join_url = @JoinUrl, capacity = @Capacity, source = 'chat', updated_at = @now
        WHERE cohort_id = @cohortId AND key = @key
        RETURNING id
        """;

    private const string Cancel = """
        UPDATE events SET cancelled = 1, source = 'chat', updated_at = @now
        WHERE cohort_id = @cohortId AND key = @key AND cancelled = 0
        """;

    private const string DeleteSpeakers = "DELETE FROM event_speakers WHERE event_id = @eventId";

    private const string InsertSpeaker = "INSERT INTO event_speakers (event_id, position, name, role) VALUES (@eventId, @position, @name, @role)";

    private const string SelectReserved = "SELECT participant_id FROM rsvps WHERE event_id = @eventId AND status IN ('going', 'waitlisted') ORDER BY requested_at, id";

    private const string CountGoing = "SELECT COUNT(*) FROM rsvps WHERE event_id = @eventId AND status = 'going'";

    public async Task<bool> CreateAsync(long cohortId, string key, EventDraft draft, DateTimeOffset now, Func<bool, AuditEntry?>? audit, CancellationToken ct) =>
        await WriteAsync(Insert, cohortId, key, draft, now, audit is null ? null : update => audit(update is not null), ct) is not null;

    public Task<EventUpdate?> UpdateAsync(long cohortId, string key, EventDraft draft, DateTimeOffset now, Func<EventUpdate?, AuditEntry?>? audit, CancellationToken ct) =>
        WriteAsync(Update, cohortId, key, draft, now, audit, ct);

    public Task<bool> CancelAsync(long cohortId, string key, DateTimeOffset now, Func<bool, AuditEntry?>? audit, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var cancelled = await db.ExecuteAsync(Cancel, new { cohortId, key, now = Instants.ToDb(now) }, tx) == 1;
            await AuditLog.AppendAsync(db, tx, audit, cancelled);
            return cancelled;
        }, ct);

    public async Task<IReadOnlyList<long>> ReservedByAsync(long eventId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return (await db.QueryAsync<long>(new CommandDefinition(SelectReserved, new { eventId }, cancellationToken: ct))).ToList();
    }

    /// <summary>The write, its speakers, the seats it freed and its audit entry, in one transaction; null when no row was written.</summary>
    private Task<EventUpdate?> WriteAsync(string sql, long cohortId, string key, EventDraft d, DateTimeOffset now, Func<EventUpdate?, AuditEntry?>? audit, CancellationToken ct) =>
        connections.InTransactionAsync<EventUpdate?>(async (db, tx) =>
        {
            var id = (await db.QueryAsync<long>(sql, new
            {
                cohortId, key, Kind = d.Kind.Key(), d.Title, d.Company, d.Topic, StartsAt = Instants.ToDb(d.StartsAt), EndsAt = Instants.ToDb(d.EndsAt),
                d.JoinUrl, d.Capacity, now = Instants.ToDb(now),
            }, tx)).ToList();
            if (id.Count == 0)
            {
                return null;
            }

            await ReplaceSpeakersAsync(db, tx, id[0], d.Speakers);
            var promoted = await Waitlist.FillFreeSeatsAsync(db, tx, id[0], d.Capacity, Instants.ToDb(now));
            var update = new EventUpdate(promoted, await db.ExecuteScalarAsync<int>(CountGoing, new { eventId = id[0] }, tx));
            await AuditLog.AppendAsync(db, tx, audit, update);
            return update;
        }, ct);

    private static async Task ReplaceSpeakersAsync(DbConnection db, DbTransaction tx, long eventId, IReadOnlyList<Speaker> speakers)
    {
        await db.ExecuteAsync(DeleteSpeakers, new { eventId }, tx);
        for (var i = 0; i < speakers.Count; i++)
        {
            await db.ExecuteAsync(InsertSpeaker, new { eventId, position = i, name = speakers[i].Name, role = speakers[i].Role }, tx);
        }
    }
}
