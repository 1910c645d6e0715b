namespace CohortBot.Core.Reminders;

/// <summary>
/// Who still needs a reminder, read in pages ordered by participant id (keyset paging after
/// <c>afterParticipantId</c>) so a cohort of thousands is never loaded at once. "Submitted" means
/// the latest proof is not rejected: a rejected proof still needs a new one.
/// </summary>
public interface IReminderAudience
{
    Task<IReadOnlyList<ReminderRecipient>> MissingWeekAsync(long cohortId, long weekId, long afterParticipantId, int limit, CancellationToken ct);

    Task<IReadOnlyList<ReminderRecipient>> MissingCertificateAsync(long cohortId, long afterParticipantId, int limit, CancellationToken ct);

    Task<IReadOnlyList<ReminderRecipient>> GoingToEventAsync(long eventId, long afterParticipantId, int limit, CancellationToken ct);

    /// <summary>One active participant, for a retried or deferred reminder; null when gone or dropped.</summary>
    Task<ReminderRecipient?> RecipientAsync(long participantId, CancellationToken ct);

    Task<bool> HasSubmittedWeekAsync(long participantId, long weekId, CancellationToken ct);

    Task<bool> HasSubmittedCertificateAsync(long participantId, CancellationToken ct);

    Task<bool> IsGoingAsync(long eventId, long participantId, CancellationToken ct);
}
