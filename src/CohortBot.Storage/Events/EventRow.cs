using CohortBot.Core.Events;
using CohortBot.Storage.Sqlite;

namespace CohortBot.Storage.Events;

/// <summary>An <c>events</c> row as every reader selects it (<see cref="Columns"/>, table alias <c>e</c>).</summary>
internal sealed class EventRow
{
    public const string Columns = "e.id, e.key, e.kind, e.title, e.company, e.topic, e.starts_at, e.ends_at, e.join_url, e.capacity, e.cancelled";

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

    public CohortEvent ToDomain(IReadOnlyList<Speaker> speakers) =>
        new(Id, Key, EventKinds.TryParse(Kind, out var kind) ? kind : EventKind.TechTalk, Title, Company, Topic, speakers,
            Instants.FromDb(StartsAt), Instants.FromDb(EndsAt), JoinUrl, (int?)Capacity, Cancelled != 0);
}
