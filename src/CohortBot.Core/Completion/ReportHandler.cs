using CohortBot.Core.Audit;
using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Completion;

/// <summary>
/// <c>/report completion</c>: who has completed, who is at risk and who has failed, with the
/// reasons; the full list comes as a CSV file (a chat message holds only so many lines).
/// </summary>
public sealed class ReportHandler(CompletionReport report, IAuditLog audit) : ICommandHandler
{
    /// <summary>Discord embeds hold 25 fields; keep room for the summary.</summary>
    public const int MaxListed = 20;

    public static readonly string[] Kinds = ["completion"];

    public CommandDescriptor Command => Catalogue.Report;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var kind = ctx.String("kind")!.Trim().ToLowerInvariant();
        if (!Kinds.Contains(kind))
        {
            return Reply.Error(t["report.unknown_kind", new { kind, valid = string.Join(", ", Kinds) }]);
        }

        var results = await report.EvaluateAsync(ctx.Cohort, ctx.Now, ct);
        var counts = new
        {
            total = results.Count,
            completed = results.Count(r => r.Status == CompletionStatus.Completed),
            at_risk = results.Count(r => r.Status == CompletionStatus.AtRisk),
            failed = results.Count(r => r.Status == CompletionStatus.Failed),
        };
        await audit.RecordAsync(new AuditEntry(ctx.Cohort.Id, Actor.Of(ctx.Invocation.User), "report", kind, null, AuditState.Json(counts), ctx.Now), ct);
        var listed = results.Where(r => r.Status != CompletionStatus.Completed).Take(MaxListed).ToList();
        var text = t["report.summary", new { participants = t.Plural("count.participants", counts.total), counts.completed, counts.at_risk, counts.failed }];
        if (listed.Count < counts.at_risk + counts.failed)
        {
            text += " " + t["report.truncated", new { shown = listed.Count }];
        }

        return new Reply(text)
        {
            Title = t["report.title", new { cohort = ctx.Cohort.Name }],
            Fields = listed.Select(r => new ReplyField(
                t["report.line", new { name = ParticipantLabel.Of(r.Participant), status = t["completion.status." + CompletionReport.StatusKey(r.Status)] }],
                CompletionReport.Reasons(r, t))).ToList(),
            Files = [new ReplyFile($"completion-{ctx.Cohort.Slug}.csv", "text/csv", CompletionReport.ToCsv(results, t))],
        };
    }
}
