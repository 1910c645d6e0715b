using System.Globalization;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Schedules;
using CohortBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Reminders;

/// <summary>
/// Before each weekly and certificate deadline: a DM to every active participant who has not
/// submitted. Who has submitted is read when the reminder goes out, page by page, not when it
/// was scheduled.
/// </summary>
public sealed partial class DeadlineReminders(
    ICohortStore cohorts,
    IReminderAudience audience,
    ReminderDelivery delivery,
    TimeProvider clock,
    ILogger<DeadlineReminders> logger)
{
    public async Task<int> RunAsync(Cohort cohort, ScheduledMoment moment, CancellationToken ct)
    {
        var deadline = await ResolveAsync(cohort, moment, ct);
        if (deadline is null)
        {
            return 0;
        }

        var sent = await delivery.FanOutAsync(cohort, moment, (after, size, c) => deadline.Week is { } week
                ? audience.MissingWeekAsync(cohort.Id, week.Id, after, size, c)
                : audience.MissingCertificateAsync(cohort.Id, after, size, c),
            t => Compose(t, deadline), ct);

        LogDone(moment.Name, sent);
        return sent;
    }

    /// <summary>One participant again (deferred by quiet hours, or unconfirmed), if they still have not submitted.</summary>
    /// <returns>False when no reminder is needed any more (submitted, opted out, deadline moved or past).</returns>
    public async Task<bool> RetryAsync(Cohort cohort, ScheduledMoment moment, long participantId, string platform, CancellationToken ct)
    {
        var deadline = await ResolveAsync(cohort, moment, ct);
        var recipient = await audience.RecipientAsync(participantId, ct);
        if (deadline is null || recipient is not { RemindersEnabled: true })
        {
            return false;
        }

        var submitted = deadline.Week is { } week
            ? await audience.HasSubmittedWeekAsync(participantId, week.Id, ct)
            : await audience.HasSubmittedCertificateAsync(participantId, ct);
        if (submitted)
        {
            return false;
        }

        await delivery.DeliverAsync(cohort, moment, recipient, t => Compose(t, deadline), ct, platform);
        return true;
    }

    private async Task<Deadline?> ResolveAsync(Cohort cohort, ScheduledMoment moment, CancellationToken ct)
    {
        Deadline? deadline = null;
        if (moment.Subject == ScheduledMoment.Certificate)
        {
            deadline = cohort.CertificateDeadline is { } at ? new Deadline(null, at) : null;
        }
        else if (moment.TryWeekNumber(out var number))
        {
            var week = (await cohorts.WeeksAsync(cohort.Id, ct)).FirstOrDefault(w => w.Number == number);
            deadline = week is null ? null : new Deadline(week, week.DueAt);
        }

        // Moved or removed since it was scheduled (the rescheduled moment covers the new one), or already past.
        if (deadline is null || deadline.DueAt != moment.Target || deadline.DueAt <= clock.GetUtcNow())
        {
            LogStale(moment.Name);
            return null;
        }

        return deadline;
    }

    private static Reply Compose(Texts t, Deadline deadline)
    {
        var relative = TimeMarkup.Token(deadline.DueAt, TimeStyle.Relative);
        if (deadline.Week is not { } week)
        {
            return new Reply(t["reminder.certificate", new { deadline = deadline.DueAt, relative }] + "\n" + t["reminder.footer"])
            {
                Title = t["reminder.title"],
                Tone = ReplyTone.Warning,
                Ephemeral = false,
            };
        }

        var number = week.Number.ToString(CultureInfo.InvariantCulture);
        return new Reply(t["reminder.deadline", new { week = week.Number, title = week.Title, deadline = deadline.DueAt, relative }] + "\n" + t["reminder.footer"])
        {
            Title = t["reminder.title"],
            Tone = ReplyTone.Warning,
            Ephemeral = false,
            Buttons = [new ReplyButton(t["button.submit_week", new { week = week.Number }], ButtonAction.Encode(Catalogue.Submit.Name, ("week", number)), ButtonStyle.Primary)],
        };
    }

    private sealed record Deadline(Week? Week, DateTimeOffset DueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Moment}: the deadline moved, went away or has passed")]
    private partial void LogStale(string moment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline reminder {Moment}: {Sent} message(s) sent")]
    private partial void LogDone(string moment, int sent);
}
