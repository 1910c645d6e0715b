namespace CohortBot.Core.Events;

/// <summary>A tech talk, career talk or office hour given by a partner company.</summary>
/// <param name="Key">The id people type (<c>/rsvp event:oh-dable-1</c>).</param>
/// <param name="Capacity">Seats; null means unlimited. Full events keep a waitlist.</param>
public sealed record CohortEvent(
    long Id,
    string Key,
    EventKind Kind,
    string Title,
    string? Company,
    string? Topic,
    IReadOnlyList<Speaker> Speakers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? JoinUrl,
    int? Capacity,
    bool Cancelled);
