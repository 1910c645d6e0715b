namespace CohortBot.Core.Events;

/// <summary>What an RSVP did. <see cref="WaitlistPosition"/> is 1-based when waitlisted.</summary>
public sealed record RsvpOutcome(RsvpStatus Status, bool AlreadyHad, int? WaitlistPosition)
{
    /// <summary>Who moved up from the waitlist first, into seats freed since (a capacity raised in the cohort file).</summary>
    public IReadOnlyList<long> Promoted { get; init; } = [];
}

/// <summary>What a cancellation did, and who moved up from the waitlist because of it.</summary>
public sealed record CancelOutcome(RsvpStatus? Cancelled, IReadOnlyList<long> Promoted);
