using System.Globalization;
using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Events;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Calendar;

/// <summary>
/// Builds <c>.ics</c> files: the whole cohort (every event, every week deadline, the certificate
/// deadline) or one participant (the events they reserved, and deadlines as they apply to them).
/// UIDs are stable, so re-importing a newer file updates entries instead of duplicating them.
/// </summary>
public sealed class CalendarBuilder(ICohortStore cohorts, IEventStore events, IAllowanceStore allowances, ICalendarEvents all)
{
    /// <summary>How long a deadline block is: it ends at the deadline, so the reminder lands before it.</summary>
    public static readonly TimeSpan DeadlineBlock = TimeSpan.FromMinutes(30);

    public async Task<ReplyFile> ForCohortAsync(Cohort cohort, DateTimeOffset now, Texts t, CancellationToken ct)
    {
        var ics = new Ics(cohort.Name, cohort.TimeZone);
        foreach (var e in await all.AllAsync(cohort.Id, ct))
        {
            AddEvent(ics, cohort, e, now, t);
        }

        await AddDeadlinesAsync(ics, cohort, now, t, ParticipantDeadlines.NoAllowances, ct);
        return new ReplyFile($"{cohort.Slug}.ics", "text/calendar", ics.ToBytes());
    }

    public async Task<ReplyFile> ForParticipantAsync(Cohort cohort, Participant participant, DateTimeOffset now, Texts t, CancellationToken ct)
    {
        var ics = new Ics(t["calendar.mine", new { cohort = cohort.Name }], cohort.TimeZone);
        foreach (var rsvp in await events.RsvpsOfAsync(participant.Id, ct))
        {
            if (rsvp.Status is RsvpStatus.Going or RsvpStatus.Waitlisted || rsvp.Attended)
            {
                AddEvent(ics, cohort, rsvp.Event, now, t);
            }
        }

        await AddDeadlinesAsync(ics, cohort, now, t, await allowances.ForParticipantAsync(participant.Id, ct), ct);
        return new ReplyFile($"{cohort.Slug}-{participant.Id.ToString(CultureInfo.InvariantCulture)}.ics", "text/calendar", ics.ToBytes());
    }

    private static void AddEvent(Ics ics, Cohort cohort, CohortEvent e, DateTimeOffset now, Texts t)
    {
        var lines = new List<string> { t["kind." + e.Kind.Key()] };
        if (e.Company is not null)
        {
            lines.Add(t["events.company", new { company = e.Company }]);
        }

        if (e.Topic is not null)
        {
            lines.Add(e.Topic);
        }

        if (e.Speakers.Count > 0)
        {
            lines.Add(t["events.speakers", new { speakers = string.Join(", ", e.Speakers.Select(s => s.Role is null ? s.Name : $"{s.Name} ({s.Role})")) }]);
        }

        ics.Event($"event-{e.Key}@{cohort.Slug}.cohortbot", now, e.StartsAt, e.EndsAt, e.Title, string.Join("\n", lines), e.JoinUrl, e.Cancelled);
    }

    private async Task AddDeadlinesAsync(Ics ics, Cohort cohort, DateTimeOffset now, Texts t, ParticipantAllowances own, CancellationToken ct)
    {
        var deadlines = new ParticipantDeadlines(await cohorts.WeeksAsync(cohort.Id, ct), cohort.CertificateDeadline, own);
        foreach (var (week, _, excused) in deadlines.Weeks)
        {
            if (excused)
            {
                continue;
            }

            ics.Event($"week-{week.Number.ToString(CultureInfo.InvariantCulture)}@{cohort.Slug}.cohortbot", now, week.DueAt - DeadlineBlock, week.DueAt,
                t["calendar.week_due", new { week = week.Number, title = week.Title }], week.CourseRange, null, cancelled: false);
        }

        if (deadlines.Certificate is { } certificate)
        {
            ics.Event($"certificate@{cohort.Slug}.cohortbot", now, certificate.DueAt - DeadlineBlock, certificate.DueAt, t["calendar.certificate_due"], null, null, cancelled: false);
        }
    }
}
