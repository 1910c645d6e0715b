using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Outbox;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Schedules;

/// <summary>
/// Derives every reminder and announcement moment from the cohort as stored. Nothing about
/// schedules is stored apart from the ledger: the scheduler is rebuilt from this at start-up and
/// after each change, which is why the in-memory job store is enough.
/// </summary>
public sealed class MomentPlanner(ICohortStore cohorts, IEventStore events, IDeliveryLedger ledger, IOptions<ScheduleOptions> options)
{
    public async Task<MomentPlan> PlanAsync(Cohort cohort, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var all = new List<ScheduledMoment>();
        foreach (var week in await cohorts.WeeksAsync(cohort.Id, ct))
        {
            all.AddRange(o.DeadlineOffsets.Select(offset => new ScheduledMoment(MomentKind.DeadlineReminder, cohort.Id, ScheduledMoment.WeekPrefix + week.Number, week.DueAt, offset)));
        }

        if (cohort.CertificateDeadline is { } certificate)
        {
            all.AddRange(o.DeadlineOffsets.Select(offset => new ScheduledMoment(MomentKind.DeadlineReminder, cohort.Id, ScheduledMoment.Certificate, certificate, offset)));
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
}

/// <summary><see cref="Due"/>: to schedule (future, or late but inside the grace window). <see cref="Expired"/>: missed beyond it.</summary>
public sealed record MomentPlan(IReadOnlyList<ScheduledMoment> Due, IReadOnlyList<ScheduledMoment> Expired);
