using CohortBot.Core.Calendar;
using CohortBot.Core.Events;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Events;

public sealed class CalendarEvents(SqliteConnectionFactory connections) : ICalendarEvents
{
    private const string SelectEvents = """
        SELECT id, key, kind, title, company, topic, starts_at, ends_at, join_url, capacity, cancelled
        FROM events WHERE cohort_id = @cohortId ORDER BY starts_at, key
        """;

    private const string SelectSpeakers = """
        SELECT s.event_id, s.name, s.role FROM event_speakers s JOIN events e ON e.id = s.event_id
        WHERE e.cohort_id = @cohortId ORDER BY s.event_id, s.position
        """;

    public async Task<IReadOnlyList<CohortEvent>> AllAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(SelectEvents, new { cohortId }, cancellationToken: ct));
        var speakers = (await db.QueryAsync<(long EventId, string Name, string? Role)>(new CommandDefinition(SelectSpeakers, new { cohortId }, cancellationToken: ct)))
            .ToLookup(s => s.EventId, s => new Speaker(s.Name, s.Role));
        return rows.Select(r => new CohortEvent(r.Id, r.Key, EventKinds.TryParse(r.Kind, out var kind) ? kind : EventKind.TechTalk, r.Title, r.Company, r.Topic,
            speakers[r.Id].ToList(), Instants.FromDb(r.StartsAt), Instants.FromDb(r.EndsAt), r.JoinUrl, (int?)r.Capacity, r.Cancelled != 0)).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public string Key { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Title { get; init; } = "";

        public string? Company { get; init; }

        public string? Topic { get; init; }

        public long StartsAt { get; init; }

        public long EndsAt { get; init; }

        public string? JoinUrl { get; init; }

        public long? Capacity { get; init; }

        public long Cancelled { get; init; }
    }
}
