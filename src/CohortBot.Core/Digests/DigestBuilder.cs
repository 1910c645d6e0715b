using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Completion;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Events;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Core.Time;

namespace CohortBot.Core.Digests;

/// <summary>
/// The organizer digest: the week in focus (the last one whose deadline has passed, else the open
/// one) with its submission rate and who is missing (by each participant's own deadlines: excused
/// and still-extended participants are not), who missed it and the week before, the review
/// backlog, certificates, and the next two weeks' events with RSVPs and waitlists.
/// </summary>
public sealed class DigestBuilder(ICohortStore cohorts, IEventStore events, IDigestQueries queries, ICompletionRecords records, MessageCatalogue catalogue)
{
    public static readonly TimeSpan EventHorizon = TimeSpan.FromDays(14);

    public async Task<IReadOnlyList<Reply>> BuildAsync(Cohort cohort, DateTimeOffset now, CancellationToken ct)
    {
        var t = catalogue.For(cohort.Language);
        var sections = new List<MessagePager.Section>();
        var people = (await records.LoadAsync(cohort.Id, ct))
            .Where(r => r.Participant.Status == ParticipantStatus.Active)
            .OrderBy(r => r.Participant.DisplayName, StringComparer.Ordinal).ThenBy(r => r.Participant.Id)
            .ToList();
        var weeks = (await cohorts.WeeksAsync(cohort.Id, ct)).OrderBy(w => w.DueAt).ToList();
        var focus = weeks.LastOrDefault(w => w.DueAt <= now) ?? weeks.FirstOrDefault(w => w.StateAt(now) == WeekState.Open);
        var summary = new List<string>();
        if (focus is not null)
        {
            var expected = people.Where(r => !OwnWeek.Of(focus, r.Allowances).Excused).ToList();
            var submitted = expected.Count(r => HasProof(r, focus));
            var missing = people.Where(r => IsMissing(r, focus, now)).ToList();
            var rate = expected.Count == 0 ? 0 : (int)Math.Round(100.0 * submitted / expected.Count);
            summary.Add(t["digest.rate", new { week = focus.Number, submitted, active = expected.Count, rate, deadline = focus.DueAt }]);
            sections.Add(new(t["digest.missing", new { week = focus.Number, count = missing.Count }], Names(missing)));
            var previous = weeks.LastOrDefault(w => w.DueAt < focus.DueAt);
            if (previous is not null)
            {
                var both = missing.Where(r => IsMissing(r, previous, now)).ToList();
                sections.Add(new(t["digest.missing_twice", new { week = focus.Number, previous = previous.Number, count = both.Count }], Names(both)));
            }
        }
        else
        {
            summary.Add(t["digest.no_week"]);
        }

        var backlog = await queries.ReviewBacklogAsync(cohort.Id, ct);
        summary.Add(t["digest.review", new { weekly = t.Plural("count.weekly_proofs", backlog.WeeklyPending), certificates = t.Plural("count.certificates", backlog.CertificatesPending) }]);
        if (cohort.CertificateDeadline is { } certificateDeadline)
        {
            var c = await queries.CertificatesAsync(cohort.Id, ct);
            summary.Add(t["digest.certificates", new { approved = c.Approved, pending = c.Pending, rejected = c.Rejected, none = c.None, deadline = certificateDeadline }]);
        }

        sections.Add(new(t["digest.events", new { days = EventHorizon.Days }], await EventLinesAsync(cohort, now, t, ct)));
        return MessagePager.Pack(t["digest.title", new { cohort = cohort.Name }], string.Join("\n", summary), sections, t["digest.continued"]);
    }

    /// <summary>A proof that still counts: the latest one, not rejected.</summary>
    private static bool HasProof(ParticipantRecord record, Week week) =>
        record.LatestWeekly.TryGetValue(week.Id, out var latest) && latest.Status != ReviewStatus.Rejected;

    /// <summary>
    /// No proof, not excused, and not someone whose own (extended) deadline is still ahead: the
    /// same facts <c>/progress</c> shows them.
    /// </summary>
    private static bool IsMissing(ParticipantRecord record, Week week, DateTimeOffset now)
    {
        var own = OwnWeek.Of(week, record.Allowances);
        return !own.Excused && !HasProof(record, week) && !(own.Extended && own.Week.DueAt > now);
    }

    private static List<string> Names(IEnumerable<ParticipantRecord> people) => people.Select(r => r.Participant.DisplayName).ToList();

    private async Task<IReadOnlyList<string>> EventLinesAsync(Cohort cohort, DateTimeOffset now, Texts t, CancellationToken ct)
    {
        var upcoming = (await events.UpcomingAsync(cohort.Id, now, null, ct)).Where(e => e.StartsAt <= now + EventHorizon).ToList();
        var seats = upcoming.Count == 0 ? new Dictionary<long, EventSeats>() : await events.SeatsAsync(upcoming.Select(e => e.Id).ToList(), ct);
        return upcoming.Select(e =>
        {
            var s = seats.GetValueOrDefault(e.Id);
            return t[e.Capacity is null ? "digest.event_open" : "digest.event_limited", new
            {
                title = e.Title,
                id = e.Key,
                starts = TimeMarkup.Token(e.StartsAt, TimeStyle.Full),
                going = s?.Going ?? 0,
                capacity = e.Capacity ?? 0,
                waitlisted = s?.Waitlisted ?? 0,
            }];
        }).ToList();
    }
}
