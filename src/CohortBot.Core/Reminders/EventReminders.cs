using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Events;
using CohortBot.Core.Messages;
using CohortBot.Core.Schedules;
using CohortBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Reminders;

/// <summary>Before each event: a DM with the join link to everyone whose RSVP is "going" at that moment.</summary>
public sealed partial class EventReminders(
    IEventStore events,
    IReminderAudience audience,
    ReminderDelivery delivery,
    TimeProvider clock,
    ILogger<EventReminders> logger)
{
    public async Task<int> RunAsync(Cohort cohort, ScheduledMoment moment, CancellationToken ct)
    {
        var e = await ResolveAsync(cohort, moment, ct);
        if (e is null)
        {
            return 0;
        }

        var sent = await delivery.FanOutAsync(cohort, moment, (after, size, c) => audience.GoingToEventAsync(e.Id, after, size, c), t => Compose(t, e), ct);

        LogDone(moment.Name, sent);
        return sent;
    }

    /// <returns>False when no reminder is needed any more (not going, opted out, event moved, cancelled or started).</returns>
    public async Task<bool> RetryAsync(Cohort cohort, ScheduledMoment moment, long participantId, string platform, CancellationToken ct)
    {
        var e = await ResolveAsync(cohort, moment, ct);
        var recipient = await audience.RecipientAsync(participantId, ct);
        if (e is null || recipient is not { RemindersEnabled: true } || !await audience.IsGoingAsync(e.Id, participantId, ct))
        {
            return false;
        }

        await delivery.DeliverAsync(cohort, moment, recipient, t => Compose(t, e), ct, platform);
        return true;
    }

    private async Task<CohortEvent?> ResolveAsync(Cohort cohort, ScheduledMoment moment, CancellationToken ct)
    {
        var e = moment.EventKey is { } key ? await events.FindAsync(cohort.Id, key, ct) : null;
        if (e is null || e.Cancelled || e.StartsAt != moment.Target || e.StartsAt <= clock.GetUtcNow())
        {
            LogStale(moment.Name);
            return null;
        }

        return e;
    }

    internal static Reply Compose(Texts t, CohortEvent e)
    {
        var text = t["reminder.event", new { title = e.Title, starts = e.StartsAt, relative = TimeMarkup.Token(e.StartsAt, TimeStyle.Relative) }];
        if (e.JoinUrl is not null)
        {
            text += "\n" + t["rsvp.join", new { url = e.JoinUrl }];
        }

        return new Reply(text + "\n" + t["reminder.footer"]) { Title = t["reminder.title"], Ephemeral = false };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Moment}: the event moved, was cancelled or has started")]
    private partial void LogStale(string moment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event reminder {Moment}: {Sent} message(s) sent")]
    private partial void LogDone(string moment, int sent);
}
