using System.Globalization;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Events;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;
using CohortBot.Core.Time;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Digests;

/// <summary>
/// The organizer digest: one message whatever the cohort's size — the numbers (the focus week's
/// submission and approval rates and the weeks before it, the review backlog and its oldest proof,
/// certificates, RSVPs against seats for the next two weeks' events, attendance of the last two
/// weeks'), the people most at risk up to <see cref="DigestOptions.AtRiskListed"/> with "and N
/// more", duplicate proofs, and the complete lists as an attached CSV (<see cref="DigestCsv"/>).
/// The message stays within <see cref="DigestLimits"/>, inside Discord's embed and Slack's block limits.
/// </summary>
public sealed class DigestBuilder(ICohortStore cohorts, IEventStore events, IDigestQueries queries, MessageCatalogue catalogue, IOptions<DigestOptions> options)
{
    public static readonly TimeSpan EventHorizon = TimeSpan.FromDays(14);

    /// <summary>A name in a list is cut to this, so every line stays short whatever people call themselves.</summary>
    private const int ListedName = 32;

    private const int MaxEventLines = 8;

    public async Task<Reply> BuildAsync(Cohort cohort, DateTimeOffset now, CancellationToken ct)
    {
        var t = catalogue.For(cohort.Language);
        var weeks = await cohorts.WeeksAsync(cohort.Id, ct);
        // Independent reads, each on its own connection, started together so that they overlap
        // (a store may complete its calls synchronously, hence Task.Run).
        var factsRead = Task.Run(() => DigestFacts.LoadAsync(queries, cohort.Id, weeks, now, ct), ct);
        var backlogRead = Task.Run(() => queries.ReviewBacklogAsync(cohort.Id, ct), ct);
        var certificatesRead = cohort.CertificateDeadline is null ? null : Task.Run(() => queries.CertificatesAsync(cohort.Id, ct), ct);
        var eventsRead = Task.Run(() => EventLinesAsync(cohort, now, t, ct), ct);
        var attendanceRead = Task.Run(() => queries.AttendanceAsync(cohort.Id, now - EventHorizon, now, ct), ct);
        var facts = await factsRead;
        var backlog = await backlogRead;
        var csv = new ReplyFile(DigestCsv.FileName(cohort.Slug, facts.Focus?.Number), "text/csv", DigestCsv.Write(facts));

        var summary = new List<string>();
        if (facts.Rate is { } rate)
        {
            summary.Add(t["digest.rate", new
            {
                week = rate.Week.Number,
                deadline = rate.Week.DueAt,
                submitted = rate.Submitted,
                active = rate.Expected,
                rate = rate.SubmittedPercent,
                approved = rate.Approved,
                approved_rate = rate.ApprovedPercent,
                missing = facts.Missing.Count,
            }]);
            summary.Add(t["digest.on_time", new { on_time = rate.OnTime, submitted = rate.Submitted, late = rate.Submitted - rate.OnTime }]);
            if (facts.Trend.Count > 1)
            {
                summary.Add(t["digest.trend", new { weeks = string.Join(" · ", facts.Trend.Select(w => t["digest.trend_week", new { week = w.Week.Number, submitted = w.SubmittedPercent, approved = w.ApprovedPercent }])) }]);
            }
        }
        else
        {
            summary.Add(t["digest.no_week"]);
        }

        summary.Add(t["digest.review", new { weekly = t.Plural("count.weekly_proofs", backlog.WeeklyPending), certificates = t.Plural("count.certificates", backlog.CertificatesPending) }]);
        if (backlog.Oldest is { } oldest)
        {
            summary.Add(t["digest.review_oldest", new { since = TimeMarkup.Token(oldest.SubmittedAt, TimeStyle.Relative), proof = oldest.Proof.ToString(), name = ParticipantLabel.Of(oldest.ParticipantName, oldest.ParticipantId, oldest.ParticipantHandle, ListedName) }]);
        }

        if (cohort.CertificateDeadline is { } certificateDeadline && certificatesRead is not null)
        {
            var c = await certificatesRead;
            summary.Add(t["digest.certificates", new { approved = c.Approved, pending = c.Pending, rejected = c.Rejected, none = c.None, deadline = certificateDeadline }]);
        }

        summary.Add(t["digest.csv", new { file = csv.FileName }]);

        var fields = new List<ReplyField>();
        if (facts.Focus is { } focus)
        {
            fields.Add(new(t["digest.at_risk", new { week = focus.Number, count = facts.AtRisk.Count }], DigestLimits.List(
                facts.AtRisk.Select(a => t["digest.at_risk_line", new { name = ParticipantLabel.Of(a.Participant, ListedName), weeks = a.WeeksInARow }]),
                facts.AtRisk.Count, options.Value.AtRiskListed, DigestLimits.MaxFieldValue, t)));
        }

        if (facts.Duplicates.Count > 0)
        {
            fields.Add(new(t["digest.duplicates", new { count = facts.Duplicates.Count }], DigestLimits.List(
                facts.Duplicates.Select(d => DuplicateLine(d, t)), facts.Duplicates.Count, options.Value.DuplicatesListed, DigestLimits.MaxFieldValue, t)));
        }

        var (upcoming, upcomingCount) = await eventsRead;
        fields.Add(new(t["digest.events", new { days = EventHorizon.Days }], DigestLimits.List(upcoming, upcomingCount, MaxEventLines, DigestLimits.MaxTimedFieldValue, t)));
        var attended = await attendanceRead;
        if (attended.Count > 0)
        {
            fields.Add(new(t["digest.attendance", new { days = EventHorizon.Days }], DigestLimits.List(
                attended.Select(a => t["digest.attendance_line", new { title = a.Title, id = a.Key, starts = TimeMarkup.Token(a.StartsAt, TimeStyle.Full), attended = a.Attended, going = a.Going }]),
                attended.Count, MaxEventLines, DigestLimits.MaxTimedFieldValue, t)));
        }

        return new Reply(string.Join("\n", summary))
        {
            Title = t["digest.title", new { cohort = cohort.Name }],
            Fields = fields,
            Files = [csv],
            Ephemeral = false,
        };
    }

    private static string DuplicateLine(DuplicatePair d, Texts t) => t["digest.duplicate_line", new
    {
        proof = "w" + d.Proof.Id.ToString(CultureInfo.InvariantCulture),
        week = d.Proof.WeekNumber,
        name = ParticipantLabel.Of(d.Participant, ListedName),
        other = "w" + d.OtherProof.Id.ToString(CultureInfo.InvariantCulture),
        other_week = d.OtherProof.WeekNumber,
        other_name = ParticipantLabel.Of(d.Other, ListedName),
    }];

    private async Task<(IEnumerable<string> Lines, int Count)> EventLinesAsync(Cohort cohort, DateTimeOffset now, Texts t, CancellationToken ct)
    {
        var upcoming = (await events.UpcomingAsync(cohort.Id, now, null, ct)).Where(e => e.StartsAt <= now + EventHorizon).ToList();
        var shown = upcoming.Take(MaxEventLines).ToList();
        var seats = shown.Count == 0 ? new Dictionary<long, EventSeats>() : await events.SeatsAsync(shown.Select(e => e.Id).ToList(), ct);
        return (shown.Select(e =>
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
        }), upcoming.Count);
    }
}
