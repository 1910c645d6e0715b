using System.Globalization;
using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Messages;
using CohortBot.Core.Schedules;
using CohortBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Reminders;

/// <summary>
/// Before each weekly and certificate deadline: a DM to every active participant who has not
/// submitted and whose own deadline it is. A participant with an extension is reminded before
/// their own deadline (a moment of its own, see <see cref="Schedules.MomentPlanner"/>), not the
/// cohort's; an excused participant is not reminded. Who has submitted, and whose deadline a
/// moment is, is read when the reminder goes out, page by page, not when it was scheduled.
/// </summary>
public sealed partial class DeadlineReminders(
    ICohortStore cohorts,
    IAllowanceStore allowances,
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
            t => Compose(t, deadline), ct, (page, c) => WhoseDeadlineAsync(deadline, page, c));

        LogDone(moment.Name, sent);
        return sent;
    }

    /// <summary>One participant again (deferred by quiet hours, or unconfirmed), if they still have not submitted.</summary>
    /// <returns>False when no reminder is needed any more (submitted, opted out, deadline moved or past).</returns>
    public async Task<bool> RetryAsync(Cohort cohort, ScheduledMoment moment, long participantId, string platform, CancellationToken ct)
    {
        var deadline = await ResolveAsync(cohort, moment, ct);
        var recipient = await audience.RecipientAsync(participantId, ct);
        if (deadline is null || recipient is not { RemindersEnabled: true } || (await WhoseDeadlineAsync(deadline, [recipient], ct)).Count == 0)
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

    /// <summary>The deadline the moment is about: the cohort's, or some participant's own, still ahead.</summary>
    private async Task<Deadline?> ResolveAsync(Cohort cohort, ScheduledMoment moment, CancellationToken ct)
    {
        Deadline? deadline = null;
        if (moment.Subject == ScheduledMoment.Certificate)
        {
            deadline = cohort.CertificateDeadline is { } at ? new Deadline(null, at, moment.Target) : null;
        }
        else if (moment.TryWeekNumber(out var number))
        {
            var week = (await cohorts.WeeksAsync(cohort.Id, ct)).FirstOrDefault(w => w.Number == number);
            deadline = week is null ? null : new Deadline(week, week.DueAt, moment.Target);
        }

        // Moved or removed since it was scheduled (the rescheduled moment covers the new one), or already past.
        if (deadline is null || deadline.DueAt <= clock.GetUtcNow()
            || (deadline.DueAt != deadline.CohortDueAt && !await IsSomeonesOwnAsync(cohort, deadline, ct)))
        {
            LogStale(moment.Name);
            return null;
        }

        return deadline;
    }

    private async Task<bool> IsSomeonesOwnAsync(Cohort cohort, Deadline deadline, CancellationToken ct) =>
        (await allowances.ExtensionsAsync(cohort.Id, ct)).Any(e => e.WeekId == deadline.Week?.Id && Own(deadline, e.DueAt).DueAt == deadline.DueAt);

    /// <summary>Those of <paramref name="page"/> whose own deadline is the one the moment is about, and who are not excused from it.</summary>
    private async Task<IReadOnlyList<ReminderRecipient>> WhoseDeadlineAsync(Deadline deadline, IReadOnlyList<ReminderRecipient> page, CancellationToken ct)
    {
        var own = await allowances.ForParticipantsAsync(page.Select(r => r.ParticipantId).ToList(), ct);
        return page.Where(r =>
        {
            var granted = own.GetValueOrDefault(r.ParticipantId) ?? ParticipantDeadlines.NoAllowances;
            if (deadline.Week is not { } week)
            {
                return Own(deadline, granted.CertificateDeadline).DueAt == deadline.DueAt;
            }

            var mine = OwnWeek.Of(week, granted);
            return !mine.Excused && mine.Week.DueAt == deadline.DueAt;
        }).ToList();
    }

    private static OwnDeadline Own(Deadline deadline, DateTimeOffset? extension) => OwnDeadline.Of(deadline.CohortDueAt, extension);

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

    /// <param name="CohortDueAt">The cohort's deadline.</param>
    /// <param name="DueAt">The deadline this moment reminds of: the cohort's, or an extended one.</param>
    private sealed record Deadline(Week? Week, DateTimeOffset CohortDueAt, DateTimeOffset DueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Moment}: the deadline moved, went away or has passed")]
    private partial void LogStale(string moment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline reminder {Moment}: {Sent} message(s) sent")]
    private partial void LogDone(string moment, int sent);
}
