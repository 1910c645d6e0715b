using System.Globalization;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;

namespace CohortBot.Core.Completion;

/// <summary>
/// Applies the completion rules to one participant. Deadlines are the participant's own (an
/// extension only ever moves a deadline later, and the close with it); the latest attempt of each proof counts.
/// </summary>
public sealed class CompletionEvaluator(CompletionRules rules, Cohort cohort, IReadOnlyList<Week> weeks, int eventsStillAhead, DateTimeOffset now)
{
    public CompletionResult Evaluate(ParticipantRecord record)
    {
        var standings = weeks.ToDictionary(w => w, w => Standing(w, record));
        var excused = standings.Where(s => s.Value == WeekStanding.Excused).Select(s => s.Key).OrderBy(w => w.Number).ToList();
        var overflow = excused.Skip(rules.MaxExcusedWeeks).ToList();
        var missed = standings.Where(s => s.Value == WeekStanding.Missed).Select(s => s.Key).Concat(overflow).OrderBy(w => w.Number).ToList();
        var outstanding = standings.Where(s => s.Value == WeekStanding.Outstanding).Select(s => s.Key).OrderBy(w => w.Number).ToList();

        var failures = new List<CompletionReason>();
        var open = new List<CompletionReason>();
        if (record.Participant.Status == ParticipantStatus.Dropped)
        {
            failures.Add(new("completion.reason.dropped"));
        }

        if (missed.Count > rules.MaxMissedWeeks)
        {
            failures.Add(new("completion.reason.weeks_missed", new { weeks = Numbers(missed), allowed = rules.MaxMissedWeeks }));
        }
        else if (outstanding.Count > 0)
        {
            open.Add(new("completion.reason.weeks_outstanding", new { weeks = Numbers(outstanding) }));
        }

        var certificate = CertificateStanding(record);
        if (certificate is WeekStanding.Missed)
        {
            failures.Add(new(record.LatestCertificate is null ? "completion.reason.certificate_missing" : "completion.reason.certificate_not_approved"));
        }
        else if (certificate is WeekStanding.Outstanding)
        {
            open.Add(new(record.LatestCertificate?.Status == ReviewStatus.Pending ? "completion.reason.certificate_pending" : "completion.reason.certificate_due"));
        }

        if (record.EventsAttended < rules.MinEventsAttended)
        {
            var reason = new CompletionReason("completion.reason.events", new { attended = record.EventsAttended, required = rules.MinEventsAttended });
            (record.EventsAttended + eventsStillAhead >= rules.MinEventsAttended ? open : failures).Add(reason);
        }

        var status = failures.Count > 0 ? CompletionStatus.Failed : open.Count > 0 ? CompletionStatus.AtRisk : CompletionStatus.Completed;
        return new CompletionResult(record.Participant, status,
            standings.Count(s => s.Value == WeekStanding.Approved), excused.Count, missed.Count,
            certificate is WeekStanding.Approved, record.EventsAttended,
            status == CompletionStatus.Failed ? failures : open);
    }

    private WeekStanding Standing(Week week, ParticipantRecord record)
    {
        var own = OwnWeek.Of(week, record.Allowances);
        if (own.Excused)
        {
            return WeekStanding.Excused;
        }

        var due = own.Week.DueAt;
        var closes = rules.LateProofsCount ? own.Week.ClosesAt : due;
        record.LatestWeekly.TryGetValue(week.Id, out var latest);
        var counts = latest is not null && (rules.LateProofsCount || latest.SubmittedAt <= due);
        return Judge(counts ? latest!.Status : null, now <= closes);
    }

    private WeekStanding? CertificateStanding(ParticipantRecord record)
    {
        if (!rules.CertificateRequired)
        {
            return null;
        }

        var deadline = OwnDeadline.Of(cohort.CertificateDeadline ?? cohort.EndsAt, record.CertificateExtension).DueAt;
        var latest = record.LatestCertificate;
        var counts = latest is not null && latest.SubmittedAt <= deadline;
        return Judge(counts ? latest!.Status : null, now <= deadline);
    }

    /// <summary>A countable proof's status (null: none) and whether a new one may still arrive in time.</summary>
    private static WeekStanding Judge(ReviewStatus? status, bool stillOpen) => status switch
    {
        ReviewStatus.Approved => WeekStanding.Approved,
        ReviewStatus.Pending => WeekStanding.Outstanding,
        _ => stillOpen ? WeekStanding.Outstanding : WeekStanding.Missed,
    };

    private static string Numbers(IEnumerable<Week> weeks) =>
        string.Join(", ", weeks.Select(w => w.Number.ToString(CultureInfo.InvariantCulture)));
}
