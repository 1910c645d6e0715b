namespace CohortBot.Core.Events;

/// <summary>An event's fields as an organizer gives them.</summary>
public sealed record EventDraft(
    EventKind Kind,
    string Title,
    string? Company,
    string? Topic,
    IReadOnlyList<Speaker> Speakers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? JoinUrl,
    int? Capacity)
{
    public static EventDraft Of(CohortEvent e) =>
        new(e.Kind, e.Title, e.Company, e.Topic, e.Speakers, e.StartsAt, e.EndsAt, e.JoinUrl, e.Capacity);
}
