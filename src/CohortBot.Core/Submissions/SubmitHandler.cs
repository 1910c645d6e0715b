using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Messages;
using CohortBot.Core.Reviews;
using CohortBot.Core.Time;

namespace CohortBot.Core.Submissions;

/// <summary><c>/submit week:&lt;n&gt; [url] [file] [note]</c>: the weekly proof.</summary>
public sealed class SubmitHandler(ICohortStore cohorts, ISubmissionStore submissions, ProofIntake intake, IAllowanceStore allowances, AutoApproval autoApproval) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Submit;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var number = (int)ctx.Integer("week")!.Value;
        // The participant's own deadlines: an organizer's extension moves a deadline (and the close) later.
        var own = await allowances.ForParticipantAsync(ctx.Participant.Id, ct);
        var weeks = (await cohorts.WeeksAsync(ctx.Cohort.Id, ct)).Select(w => OwnWeek.Of(w, own).Week).ToList();
        var week = weeks.FirstOrDefault(w => w.Number == number);
        if (week is null)
        {
            return Reply.Error(t["submit.unknown_week", new { week = number, valid = OpenWeeks(weeks, ctx.Now, t) }]);
        }

        switch (week.StateAt(ctx.Now))
        {
            case WeekState.NotOpen:
                return Reply.Error(t["submit.not_open", new { week = number, opens = week.OpensAt, valid = OpenWeeks(weeks, ctx.Now, t) }]);
            case WeekState.Closed:
                return Reply.Error(t["submit.closed", new { week = number, closed = week.ClosesAt, valid = OpenWeeks(weeks, ctx.Now, t) }]);
        }

        var rawUrl = ctx.String("url");
        var attachment = ctx.Attachment("file");
        if (rawUrl is null && attachment is null)
        {
            return ProofForm(week, t);
        }

        string? url = null;
        if (rawUrl is not null && !ProofUrl.TryNormalize(rawUrl, out url))
        {
            return Reply.Error(t["proof.bad_url"]);
        }

        // A staged image is deleted on the way out unless it was kept after the row committed.
        await using var stored = attachment is null ? null : await intake.StoreAsync(attachment, ct);
        if (stored is { File: null })
        {
            return Reply.Error(stored.ErrorText(t));
        }

        var file = stored?.File;
        var late = week.IsLate(ctx.Now);
        var saved = await submissions.RecordWeeklyAsync(
            new NewSubmission(ctx.Cohort.Id, ctx.Participant.Id, week.Id, ctx.Now, url, file, ctx.String("note"), late)
            {
                AutoApprove = autoApproval.Applies(url, file),
            }, ct);
        if (stored is not null)
        {
            await stored.KeepAsync(ct);
        }

        var key = late ? "submit.accepted_late" : "submit.accepted";
        var text = t[key, new { week = number, deadline = week.DueAt }];
        if (saved.Attempt > 1)
        {
            text += " " + t["submit.resubmitted", new { attempt = saved.Attempt }];
        }

        if (saved.Status == ReviewStatus.Approved)
        {
            text += " " + t["submit.auto_approved"];
        }

        return new Reply(text)
        {
            Tone = late ? ReplyTone.Warning : ReplyTone.Success,
            Fields =
            [
                new(t["field.week"], $"{number} · {week.Title}"),
                new(t["field.proof"], DescribeProof(saved, t)),
                new(t["field.submitted_at"], TimeMarkup.Token(saved.SubmittedAt)),
            ],
        };
    }

    internal static string OpenWeeks(IReadOnlyList<Week> weeks, DateTimeOffset now, Texts t)
    {
        var open = weeks.Where(w => w.StateAt(now) is WeekState.Open or WeekState.Late).OrderBy(w => w.Number).ToList();
        return open.Count == 0
            ? t["submit.no_open_weeks"]
            : t["submit.open_weeks", new { weeks = string.Join(", ", open.Select(w => w.Number)) }];
    }

    internal static string DescribeProof(Submission s, Texts t)
    {
        var parts = new List<string>();
        if (s.Url is not null)
        {
            parts.Add(s.Url);
        }

        if (s.File is not null)
        {
            parts.Add(t["proof.image", new { type = s.File.ContentType, kb = Math.Max(1, s.File.SizeBytes / 1024) }]);
        }

        return string.Join(" + ", parts);
    }

    private static Reply ProofForm(Week week, Texts t) =>
        new(t["submit.need_proof", new { week = week.Number, usage = OptionBinder.Usage(Catalogue.Submit) }])
        {
            Tone = ReplyTone.Warning,
            Form = new ReplyForm(
                t["form.proof.title", new { week = week.Number }],
                Catalogue.Submit.Name,
                new Dictionary<string, string> { ["week"] = week.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                [
                    new FormField("url", t["form.proof.url"], Required: false, MaxLength: ProofUrl.MaxLength),
                    new FormField("file", t["form.proof.file"], Required: false, IsFile: true),
                    new FormField("note", t["form.proof.note"], Required: false, Multiline: true, MaxLength: 500),
                ]),
        };
}
