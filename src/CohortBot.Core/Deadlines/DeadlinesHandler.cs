using System.Globalization;
using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Progress;
using CohortBot.Core.Submissions;
using CohortBot.Core.Time;

namespace CohortBot.Core.Deadlines;

/// <summary><c>/deadlines</c>: what is due next, and where the caller stands on each, by their own deadlines.</summary>
public sealed class DeadlinesHandler(ICohortStore cohorts, ISubmissionStore submissions, IAllowanceStore allowances) : ICommandHandler
{
    private const int Shown = 5;

    public CommandDescriptor Command => Catalogue.Deadlines;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var own = new ParticipantDeadlines(
            await cohorts.WeeksAsync(ctx.Cohort.Id, ct), ctx.Cohort.CertificateDeadline, await allowances.ForParticipantAsync(ctx.Participant.Id, ct));
        var latest = (await submissions.LatestWeeklyAsync(ctx.Participant.Id, ct)).ToDictionary(s => s.WeekId);

        var all = own.Weeks.Select(w => (Own: w, Status: w.StatusOf(latest.GetValueOrDefault(w.Week.Id), ctx.Now))).ToList();
        var upcoming = all.Where(x => x.Own.Week.DueAt >= ctx.Now).OrderBy(x => x.Own.Week.DueAt).Take(Shown).ToList();

        // Weeks past their deadline that still take late proofs: easy to forget, so listed too.
        var overdue = all.Where(x => x.Status is WeekStatus.Missing or WeekStatus.Rejected && x.Own.Week.StateAt(ctx.Now) == WeekState.Late)
            .OrderBy(x => x.Own.Week.Number)
            .ToList();

        var fields = upcoming.Select(x => new ReplyField(
            t["deadlines.week", new { week = x.Own.Week.Number, title = x.Own.Week.Title }],
            Due(t, x.Own.Week.DueAt, x.Own.Extended, t[x.Status.Key()])
            + (x.Own.Week.CourseRange is { } range ? "\n" + range : string.Empty))).ToList();
        if (overdue.Count > 0)
        {
            fields.Add(new ReplyField(t["deadlines.overdue"], t["deadlines.overdue_weeks", new { weeks = string.Join(", ", overdue.Select(x => x.Own.Week.Number)) }]));
        }

        if (own.Certificate is { } certificate && certificate.DueAt >= ctx.Now)
        {
            var cert = await submissions.LatestCertificateAsync(ctx.Participant.Id, ct);
            var status = cert is null ? t["status.due"] : t[cert.Status switch
            {
                ReviewStatus.Approved => "status.approved",
                ReviewStatus.Rejected => "status.rejected",
                _ => "status.submitted",
            }];
            fields.Add(new ReplyField(t["deadlines.certificate"], Due(t, certificate.DueAt, certificate.Extended, status)));
        }

        if (fields.Count == 0)
        {
            return new Reply(t["deadlines.none"]);
        }

        var next = upcoming.Concat(overdue).FirstOrDefault(x => x.Status is WeekStatus.Due or WeekStatus.Missing or WeekStatus.Rejected
                                                                && x.Own.Week.StateAt(ctx.Now) is WeekState.Open or WeekState.Late);
        return new Reply(t["deadlines.title", new { cohort = ctx.Cohort.Name }])
        {
            Fields = fields,
            Buttons = next.Own is null
                ? []
                : [new ReplyButton(t["button.submit_week", new { week = next.Own.Week.Number }], ButtonAction.Encode(Catalogue.Submit.Name, ("week", next.Own.Week.Number.ToString(CultureInfo.InvariantCulture))), ButtonStyle.Primary)],
        };
    }

    private static string Due(Texts t, DateTimeOffset deadline, bool extended, string status) =>
        t[extended ? "deadlines.due_extended" : "deadlines.due", new { deadline, relative = TimeMarkup.Token(deadline, TimeStyle.Relative), status }];
}
