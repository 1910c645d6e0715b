using System.Data.Common;
using CohortBot.Core.Calendar;
using CohortBot.Core.Events;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Events;

public sealed class CalendarEvents(Database connections) : ICalendarEvents
{
    private const string SelectEvents = $"""
        SELECT {EventRow.Columns}
        FROM events e WHERE e.cohort_id = @cohortId ORDER BY e.starts_at, e.key
        """;

    private const string SelectSpeakers = """
        SELECT s.event_id, s.name, s.role FROM event_speakers s JOIN events e ON e.id = s.event_id
        WHERE e.cohort_id = @cohortId ORDER BY s.event_id, s.position
        """;

    public async Task<IReadOnlyList<CohortEvent>> AllAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<EventRow>(new CommandDefinition(SelectEvents, new { cohortId }, cancellationToken: ct));
        var speakers = (await db.QueryAsync<(long EventId, string Name, string? Role)>(new CommandDefinition(SelectSpeakers, new { cohortId }, cancellationToken: ct)))
            .ToLookup(s => s.EventId, s => new Speaker(s.Name, s.Role));
        return rows.Select(r => r.ToDomain(speakers[r.Id].ToList())).ToList();
    }
}
