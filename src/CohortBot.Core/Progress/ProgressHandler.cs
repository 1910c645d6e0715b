using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Events;
using CohortBot.Core.Submissions;
using CohortBot.Core.Time;

namespace CohortBot.Core.Progress;

/// <summary><c>/progress</c>: the caller's own record, week by week by their own deadlines, plus certificate, RSVPs and attendance.</summary>
public sealed class ProgressHandler(ICohortStore cohorts, ISubmissionStore submissions, IEventStore events, IAllowanceStore allowances) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Progress;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var own = new ParticipantDeadlines(
            await cohorts.WeeksAsync(ctx.Cohort.Id, ct), ctx.Cohort.CertificateDeadline, await allowances.ForParticipantAsync(ctx.Participant.Id, ct));
        var latest = (await submissions.LatestWeeklyAsync(ctx.Participant.Id, ct)).ToDictionary(s => s.WeekId);
        var statuses = own.Weeks
            .Select(w => (Own: w, Latest: latest.GetValueOrDefault(w.Week.Id), Status: w.StatusOf(latest.GetValueOrDefault(w.Week.Id), ctx.Now)))
            .ToList();

        var lines = statuses.Select(x =>
        {
            var line = x.Own.Extended && x.Status is not WeekStatus.Excused
                ? t["progress.week_line_extended", new { week = x.Own.Week.Number, status = t[x.Status.Key()], deadline = x.Own.Week.DueAt }]
                : t["progress.week_line", new { week = x.Own.Week.Number, status = t[x.Status.Key()] }];
            if (x.Status is WeekStatus.Rejected && x.Latest is { ReviewReason: { } reason })
            {
                line += " — " + reason;
            }

            return line;
        });

        var done = statuses.Count(x => x.Status is WeekStatus.Approved or WeekStatus.Submitted or WeekStatus.SubmittedLate);
        var due = statuses.Count(x => x.Status is not (WeekStatus.Upcoming or WeekStatus.Excused));
        var fields = new List<ReplyField>
        {
            new(t["progress.weeks", new { done, due }], Join(lines, t)),
            new(t["field.certificate"], await CertificateLineAsync(ctx, own.Certificate, t, ct)),
        };

        var rsvps = await events.RsvpsOfAsync(ctx.Participant.Id, ct);
        var upcoming = rsvps.Where(r => r.Status is not null && r.Event.EndsAt >= ctx.Now && !r.Event.Cancelled).OrderBy(r => r.Event.StartsAt).ToList();
        fields.Add(new(t["progress.rsvps"], Join(upcoming.Select(r => t[
            r.Status == RsvpStatus.Going ? "progress.rsvp_going" : "progress.rsvp_waitlisted",
            new { title = r.Event.Title, id = r.Event.Key, starts = r.Event.StartsAt, position = r.WaitlistPosition ?? 0 }]), t)));

        var attended = rsvps.Where(r => r.Attended).ToList();
        fields.Add(new(t["progress.attended", new { count = attended.Count }], Join(attended.Select(r => r.Event.Title), t)));

        return new Reply(t["progress.title", new { name = ctx.Participant.DisplayName, cohort = ctx.Cohort.Name }]) { Fields = fields };
    }

    private async Task<string> CertificateLineAsync(CommandContext ctx, OwnDeadline? deadline, Messages.Texts t, CancellationToken ct)
    {
        var cert = await submissions.LatestCertificateAsync(ctx.Participant.Id, ct);
        if (cert is null)
        {
            return deadline is null
                ? t["progress.none"]
                : t[deadline.Extended ? "progress.cert_missing_extended" : "progress.cert_missing", new { deadline = deadline.DueAt }];
        }

        var types = await cohorts.CertificateTypesAsync(ctx.Cohort.Id, ct);
        var name = types.FirstOrDefault(c => c.Key == cert.CertificateKey)?.Name ?? cert.CertificateKey;
        var status = cert.Status switch
        {
            ReviewStatus.Approved => t["status.approved"],
            ReviewStatus.Rejected => t["status.rejected"],
            _ => t[cert.IsLate ? "status.submitted_late" : "status.submitted"],
        };
        return $"{name}: {status} ({TimeMarkup.Token(cert.SubmittedAt, TimeStyle.Date)})";
    }

    private static string Join(IEnumerable<string> lines, Messages.Texts t)
    {
        var text = string.Join("\n", lines);
        return text.Length == 0 ? t["progress.none"] : text;
    }
}
