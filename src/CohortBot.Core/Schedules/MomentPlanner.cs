using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Events;
using CohortBot.Core.Outbox;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Schedules;

/// <summary>
/// Derives every reminder and announcement moment from the cohort as stored, including one
/// deadline reminder per distinct extended deadline (whose audience is those it belongs to). Nothing about
/// schedules is stored apart from the ledger: the scheduler is rebuilt from this at start-up and
/// after each change, which is why the in-memory job store is enough.
/// </summary>
public sealed class MomentPlanner(ICohortStore cohorts, IEventStore events, IAllowanceStore allowances, IDeliveryLedger ledger, IOptions<ScheduleOptions> options)
{
    public async Task<MomentPlan> PlanAsync(Cohort cohort, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var all = new List<ScheduledMoment>();
        var extensions = (await allowances.ExtensionsAsync(cohort.Id, ct)).ToLookup(e => e.WeekId);
        foreach (var week in await cohorts.WeeksAsync(cohort.Id, ct))
        {
            // The cohort's deadline, and each distinct later deadline a participant was given.
            var targets = extensions[week.Id].Select(e => OwnWeek.Of(week, Granted(week.Id, e.DueAt)).Week.DueAt).Append(week.DueAt).Distinct();
            all.AddRange(targets.SelectMany(target => o.DeadlineOffsets.Select(offset =>
                new ScheduledMoment(MomentKind.DeadlineReminder, cohort.Id, ScheduledMoment.WeekPrefix + week.Number, target, offset))));
        }

        if (cohort.CertificateDeadline is { } certificate)
        {
            var targets = extensions[null].Select(e => OwnDeadline.Of(certificate, e.DueAt).DueAt).Append(certificate).Distinct();
            all.AddRange(targets.SelectMany(target => o.DeadlineOffsets.Select(offset =>
                new ScheduledMoment(MomentKind.DeadlineReminder, cohort.Id, ScheduledMoment.Certificate, target, offset))));
        }

        foreach (var e in await events.UpcomingAsync(cohort.Id, now, null, ct))
        {
            var subject = ScheduledMoment.EventPrefix + e.Key;
            all.AddRange(o.EventReminderOffsets.Select(offset => new ScheduledMoment(MomentKind.EventReminder, cohort.Id, subject, e.StartsAt, offset)));
            if (e.Kind is EventKind.TechTalk or EventKind.CareerTalk)
            {
                all.AddRange(o.AnnouncementOffsets.Select(offset => new ScheduledMoment(MomentKind.Announcement, cohort.Id, subject, e.StartsAt, offset)));
            }
        }

        var settled = await ledger.SettledJobsAsync(cohort.Id, ct);
        var open = all.Where(m => m.Target > now && !settled.Contains(m.JobKey)).ToList();
        return new MomentPlan(
            open.Where(m => m.At + o.GraceWindow > now).OrderBy(m => m.At).ToList(),
            open.Where(m => m.At + o.GraceWindow <= now).OrderBy(m => m.At).ToList());
    }

    private static ParticipantAllowances Granted(long weekId, DateTimeOffset dueAt) =>
        new(new HashSet<long>(), new Dictionary<long, DateTimeOffset> { [weekId] = dueAt }, null);
}

/// <summary><see cref="Due"/>: to schedule (future, or late but inside the grace window). <see cref="Expired"/>: missed beyond it.</summary>
public sealed record MomentPlan(IReadOnlyList<ScheduledMoment> Due, IReadOnlyList<ScheduledMoment> Expired);
