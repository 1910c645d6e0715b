using CohortBot.Core.Commands;

namespace CohortBot.Core.Notifications;

/// <summary>Reaches a participant on whichever platforms they use.</summary>
public interface INotifier
{
    /// <summary>Direct message, localised for the participant by <paramref name="compose"/>.</summary>
    Task NotifyParticipantAsync(long participantId, Func<Messages.Texts, Reply> compose, CancellationToken ct);
}
