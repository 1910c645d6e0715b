namespace CohortBot.Core.Events;

/// <summary>Events, RSVPs and attendance of a cohort.</summary>
public interface IEventStore
{
    Task<IReadOnlyList<CohortEvent>> UpcomingAsync(long cohortId, DateTimeOffset from, EventKind? kind, CancellationToken ct);

    Task<CohortEvent?> FindAsync(long cohortId, string key, CancellationToken ct);

    Task<IReadOnlyDictionary<long, EventSeats>> SeatsAsync(IReadOnlyCollection<long> eventIds, CancellationToken ct);

    /// <summary>Takes a seat, or a waitlist place when the event is full, in one transaction.</summary>
    Task<RsvpOutcome> RsvpAsync(CohortEvent cohortEvent, long participantId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Gives up a seat or waitlist place; a freed seat goes to the first waitlisted person in the same transaction.</summary>
    Task<CancelOutcome> CancelRsvpAsync(CohortEvent cohortEvent, long participantId, DateTimeOffset now, CancellationToken ct);

    Task<IReadOnlyList<ParticipantRsvp>> RsvpsOfAsync(long participantId, CancellationToken ct);
}
