using CohortBot.Core.Commands;

namespace CohortBot.Core.Notifications;

/// <summary>Reaches a participant on whichever platforms they use.</summary>
public interface INotifier
{
    /// <summary>
    /// Direct message, localised by <paramref name="compose"/> in the participant's language
    /// (<see cref="Messages.ReaderLanguage"/>: their choice, else their platform's, else <paramref name="cohort"/>'s).
    /// </summary>
    Task NotifyParticipantAsync(Cohorts.Cohort cohort, long participantId, Func<Messages.Texts, Reply> compose, CancellationToken ct);
}
