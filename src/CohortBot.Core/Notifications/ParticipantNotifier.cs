using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Notifications;

/// <summary>
/// Sends a DM through every platform the participant is known on and that is running. A failed
/// platform is logged and does not stop the others: a notification is a courtesy after a committed
/// change, never a reason to undo it.
/// </summary>
public sealed partial class ParticipantNotifier(
    IParticipantStore participants,
    IEnumerable<IChatPlatform> platforms,
    MessageCatalogue catalogue,
    ILogger<ParticipantNotifier> logger) : INotifier
{
    public async Task NotifyParticipantAsync(Cohort cohort, long participantId, Func<Texts, Reply> compose, CancellationToken ct)
    {
        var participant = await participants.GetAsync(participantId, ct);
        if (participant is null)
        {
            return;
        }

        var message = compose(catalogue.For(ReaderLanguage.Of(participant, null, cohort.Language)));
        foreach (var identity in await participants.IdentitiesAsync(participantId, ct))
        {
            var platform = platforms.FirstOrDefault(p => p.Platform == identity.Platform);
            if (platform is null)
            {
                continue;
            }

            try
            {
                await platform.SendDirectAsync(identity.UserId, message, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(ex, identity.Platform, participantId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct message to participant {ParticipantId} on {Platform} failed")]
    private partial void LogSendFailed(Exception ex, string platform, long participantId);
}
