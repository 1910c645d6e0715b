using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;

namespace CohortBot.Core.Events;

/// <summary>The DM to someone who moved up from the waitlist, sent after the change is committed.</summary>
public static class PromotionNotice
{
    public static async Task SendAsync(INotifier notifier, Cohort cohort, IEnumerable<long> promoted, string title, DateTimeOffset starts, string? joinUrl, CancellationToken ct)
    {
        foreach (var participant in promoted)
        {
            await notifier.NotifyParticipantAsync(cohort, participant, t =>
            {
                var text = t["rsvp.promoted", new { title, starts }];
                return Reply.Success(joinUrl is null ? text : text + "\n" + t["rsvp.join", new { url = joinUrl }]);
            }, ct);
        }
    }
}
