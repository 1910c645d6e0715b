using System.Data.Common;
using CohortBot.Core.Events;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Events;

/// <summary>
/// Events, RSVPs and attendance. Seat-taking runs in an IMMEDIATE transaction, so two people
/// racing for the last seat are serialised and exactly one of them gets it.
/// </summary>
public sealed class EventStore(Database connections) : IEventStore
{
    private const string EventColumns = EventRow.Columns;

    private const string SelectUpcoming = $"""
        SELECT {EventColumns} FROM events e
        WHERE e.cohort_id = @cohortId AND e.cancelled = 0 AND e.starts_at >= @from AND (@kind IS NULL OR e.kind = @kind)
        ORDER BY e.starts_at, e.key
        """;

    private const string SelectByKey = $"SELECT {EventColumns} FROM events e WHERE e.cohort_id = @cohortId AND e.key = @key COLLATE NOCASE";

    private const string SelectSpeakers = "SELECT event_id, name, role FROM event_speakers WHERE event_id IN @ids ORDER BY event_id, position";

    // PostgreSQL: Dapper passes a list as one array parameter, and keys are matched without case by lower().
    private const string SelectSpeakersPostgres = "SELECT event_id, name, role FROM event_speakers WHERE event_id = ANY(@ids) ORDER BY event_id, position";

    private const string SelectByKeyPostgres = $"SELECT {EventColumns} FROM events e WHERE e.cohort_id = @cohortId AND lower(e.key) = lower(@key)";

    private const string SelectSeats = """
        SELECT event_id,
               SUM(CASE WHEN status = 'going' THEN 1 ELSE 0 END) AS going,
               SUM(CASE WHEN status = 'waitlisted' THEN 1 ELSE 0 END) AS waitlisted
        FROM rsvps WHERE event_id IN @ids GROUP BY event_id
        """;

    private const string SelectSeatsPostgres = """
        SELECT event_id,
               SUM(CASE WHEN status = 'going' THEN 1 ELSE 0 END) AS going,
               SUM(CASE WHEN status = 'waitlisted' THEN 1 ELSE 0 END) AS waitlisted
        FROM rsvps WHERE event_id = ANY(@ids) GROUP BY event_id
        """;

    private const string SelectRsvp = "SELECT status FROM rsvps WHERE event_id = @eventId AND participant_id = @participantId";

    private const string CountGoing = "SELECT COUNT(*) FROM rsvps WHERE event_id = @eventId AND status = 'going'";

    private const string WaitlistPosition = """
        SELECT COUNT(*) FROM rsvps w, rsvps me
        WHERE me.event_id = @eventId AND me.participant_id = @participantId
          AND w.event_id = me.event_id AND w.status = 'waitlisted'
          AND (w.requested_at < me.requested_at OR (w.requested_at = me.requested_at AND w.id <= me.id))
        """;

    private const string UpsertRsvp = """
        INSERT INTO rsvps (cohort_id, event_id, participant_id, status, requested_at, updated_at)
        VALUES (@cohortId, @eventId, @participantId, @status, @now, @now)
        ON CONFLICT (event_id, participant_id) DO UPDATE SET status = excluded.status, requested_at = excluded.requested_at, updated_at = excluded.updated_at
        """;

    private const string SetStatus = "UPDATE rsvps SET status = @status, updated_at = @now WHERE event_id = @eventId AND participant_id = @participantId";

    private const string SelectOfParticipant = $"""
        SELECT {EventColumns},
               CASE WHEN a.id IS NULL THEN 0 ELSE 1 END AS attended,
               r.status AS rsvp_status
        FROM events e
        LEFT JOIN rsvps r ON r.event_id = e.id AND r.participant_id = @participantId AND r.status <> 'cancelled'
        LEFT JOIN attendance a ON a.event_id = e.id AND a.participant_id = @participantId
        WHERE r.id IS NOT NULL OR a.id IS NOT NULL
        ORDER BY e.starts_at
        """;

    public async Task<IReadOnlyList<CohortEvent>> UpcomingAsync(long cohortId, DateTimeOffset from, EventKind? kind, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = (await db.QueryAsync<EventRow>(new CommandDefinition(SelectUpcoming, new { cohortId, from = Instants.ToDb(from), kind = kind?.Key() }, cancellationToken: ct))).ToList();
        return await WithSpeakersAsync(db, rows);
    }

    public async Task<CohortEvent?> FindAsync(long cohortId, string key, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<EventRow>(new CommandDefinition(connections.Sql(SelectByKey, SelectByKeyPostgres), new { cohortId, key }, cancellationToken: ct));
        return row is null ? null : (await WithSpeakersAsync(db, [row]))[0];
    }

    public async Task<IReadOnlyDictionary<long, EventSeats>> SeatsAsync(IReadOnlyCollection<long> eventIds, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(long EventId, long Going, long Waitlisted)>(new CommandDefinition(connections.Sql(SelectSeats, SelectSeatsPostgres), new { ids = eventIds.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.EventId, r => new EventSeats(r.EventId, (int)r.Going, (int)r.Waitlisted));
    }

    public Task<RsvpOutcome> RsvpAsync(CohortEvent cohortEvent, long participantId, DateTimeOffset now, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var key = new { eventId = cohortEvent.Id, participantId };
            var current = await db.ExecuteScalarAsync<string?>(SelectRsvp, key, tx);
            if (current == "going")
            {
                return new RsvpOutcome(RsvpStatus.Going, AlreadyHad: true, null);
            }

            if (current == "waitlisted")
            {
                return new RsvpOutcome(RsvpStatus.Waitlisted, AlreadyHad: true, await db.ExecuteScalarAsync<int>(WaitlistPosition, key, tx));
            }

            // Seats freed since (capacity raised in the cohort file) go to those already waiting first.
            var promoted = await Waitlist.FillFreeSeatsAsync(db, tx, cohortEvent.Id, cohortEvent.Capacity, Instants.ToDb(now));
            var going = await db.ExecuteScalarAsync<long>(CountGoing, key, tx);
            var seat = cohortEvent.Capacity is not { } capacity || going < capacity;
            await db.ExecuteAsync(UpsertRsvp, new
            {
                cohortId = await CohortOf(db, tx, cohortEvent.Id), eventId = cohortEvent.Id, participantId,
                status = seat ? "going" : "waitlisted", now = Instants.ToDb(now),
            }, tx);
            return (seat
                ? new RsvpOutcome(RsvpStatus.Going, AlreadyHad: false, null)
                : new RsvpOutcome(RsvpStatus.Waitlisted, AlreadyHad: false, await db.ExecuteScalarAsync<int>(WaitlistPosition, key, tx))) with { Promoted = promoted };
        }, ct);

    public Task<CancelOutcome> CancelRsvpAsync(CohortEvent cohortEvent, long participantId, DateTimeOffset now, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var nowMs = Instants.ToDb(now);
            var current = await db.ExecuteScalarAsync<string?>(SelectRsvp, new { eventId = cohortEvent.Id, participantId }, tx);
            if (current is not ("going" or "waitlisted"))
            {
                return new CancelOutcome(null, []);
            }

            await db.ExecuteAsync(SetStatus, new { status = "cancelled", now = nowMs, eventId = cohortEvent.Id, participantId }, tx);
            // Fill every free seat, not just the one given up: capacity may have grown since.
            var promoted = current == "going" ? await Waitlist.FillFreeSeatsAsync(db, tx, cohortEvent.Id, cohortEvent.Capacity, nowMs) : [];

            return new CancelOutcome(current == "going" ? RsvpStatus.Going : RsvpStatus.Waitlisted, promoted);
        }, ct);

    public async Task<IReadOnlyList<ParticipantRsvp>> RsvpsOfAsync(long participantId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = (await db.QueryAsync<EventRow, RsvpFacts, (EventRow Event, RsvpFacts Facts)>(
            new CommandDefinition(SelectOfParticipant, new { participantId }, cancellationToken: ct), (e, f) => (e, f), splitOn: "attended")).ToList();
        var events = await WithSpeakersAsync(db, rows.Select(r => r.Event).ToList());
        var result = new List<ParticipantRsvp>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            RsvpStatus? status = rows[i].Facts.RsvpStatus switch
            {
                "going" => RsvpStatus.Going,
                "waitlisted" => RsvpStatus.Waitlisted,
                _ => null,
            };
            int? position = status == RsvpStatus.Waitlisted
                ? await db.ExecuteScalarAsync<int>(WaitlistPosition, new { eventId = rows[i].Event.Id, participantId })
                : null;
            result.Add(new ParticipantRsvp(events[i], status, position, rows[i].Facts.Attended != 0));
        }

        return result;
    }

    private static Task<long> CohortOf(DbConnection db, DbTransaction tx, long eventId) =>
        db.ExecuteScalarAsync<long>("SELECT cohort_id FROM events WHERE id = @eventId", new { eventId }, tx);

    private static async Task<IReadOnlyList<CohortEvent>> WithSpeakersAsync(DbConnection db, IReadOnlyList<EventRow> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var speakers = (await db.QueryAsync<(long EventId, string Name, string? Role)>(DialectSql.For(db, SelectSpeakers, SelectSpeakersPostgres), new { ids = rows.Select(r => r.Id).ToArray() }))
            .ToLookup(s => s.EventId, s => new Speaker(s.Name, s.Role));
        return rows.Select(r => r.ToDomain(speakers[r.Id].ToList())).ToList();
    }

    /// <summary>
    /// The participant's side of a row of <see cref="SelectOfParticipant"/>. It starts with
    /// <c>attended</c>, never NULL: Dapper maps a split whose first column is NULL to a null object,
    /// and an attendance without an RSVP has no status.
    /// </summary>
    private sealed class RsvpFacts
    {
        public string? RsvpStatus { get; init; }

        public long Attended { get; init; }
    }
}
