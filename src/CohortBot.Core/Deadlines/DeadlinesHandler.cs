using System.Globalization;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Progress;
using CohortBot.Core.Submissions;
using CohortBot.Core.Time;

namespace CohortBot.Core.Deadlines;

/// <summary><c>/deadlines</c>: what is due next, and where the caller stands on each.</summary>
public sealed class DeadlinesHandler(ICohortStore cohorts, ISubmissionStore submissions) : ICommandHandler
{
    private const int Shown = 5;

    public CommandDescriptor Command => Catalogue.Deadlines;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var weeks = await cohorts.WeeksAsync(ctx.Cohort.Id, ct);
        var latest = (await submissions.LatestWeeklyAsync(ctx.Participant.Id, ct)).ToDictionary(s => s.WeekId);

        var all = weeks
            .Select(w => (Week: w, Status: WeekStatuses.Of(w, latest.GetValueOrDefault(w.Id), ctx.Now)))
            .ToList();
        var upcoming = all.Where(x => x.Week.DueAt >= ctx.Now).OrderBy(x => x.Week.DueAt).Take(Shown).ToList();

        // Weeks past their deadline that still take late proofs: easy to forget, so listed too.
        var overdue = all.Where(x => x.Status is WeekStatus.Missing or WeekStatus.Rejected && x.Week.StateAt(ctx.Now) == WeekState.Late)
            .OrderBy(x => x.Week.Number)
            .ToList();

        var fields = upcoming.Select(x => new ReplyField(
            t["deadlines.week", new { week = x.Week.Number, title = x.Week.Title }],
            t["deadlines.due", new { deadline = x.Week.DueAt, relative = TimeMarkup.Token(x.Week.DueAt, TimeStyle.Relative), status = t[x.Status.Key()] }]
            + (x.Week.CourseRange is { } range ? "\n" + range : string.Empty))).ToList();
        if (overdue.Count > 0)
        {
            fields.Add(new ReplyField(t["deadlines.overdue"], t["deadlines.overdue_weeks", new { weeks = string.Join(", ", overdue.Select(x => x.Week.Number)) }]));
        }

        if (ctx.Cohort.CertificateDeadline is { } certDeadline && certDeadline >= ctx.Now)
        {
            var cert = await submissions.LatestCertificateAsync(ctx.Participant.Id, ct);
            var status = cert is null ? t["status.due"] : t[cert.Status switch
            {
                ReviewStatus.Approved => "status.approved",
                ReviewStatus.Rejected => "status.rejected",
                _ => "status.submitted",
            }];
            fields.Add(new ReplyField(
                t["deadlines.certificate"],
                t["deadlines.due", new { deadline = certDeadline, relative = TimeMarkup.Token(certDeadline, TimeStyle.Relative), status }]));
        }

        if (fields.Count == 0)
        {
            return new Reply(t["deadlines.none"]);
        }

        var next = upcoming.Concat(overdue).FirstOrDefault(x => x.Status is WeekStatus.Due or WeekStatus.Missing or WeekStatus.Rejected
                                                                && x.Week.StateAt(ctx.Now) is WeekState.Open or WeekState.Late);
        return new Reply(t["deadlines.title", new { cohort = ctx.Cohort.Name }])
        {
            Fields = fields,
            Buttons = next.Week is null
                ? []
                : [new ReplyButton(t["button.submit_week", new { week = next.Week.Number }], ButtonAction.Encode(Catalogue.Submit.Name, ("week", next.Week.Number.ToString(CultureInfo.InvariantCulture))), ButtonStyle.Primary)],
        };
    }
}
