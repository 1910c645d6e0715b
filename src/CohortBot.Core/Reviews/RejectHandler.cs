using System.Globalization;
using CohortBot.Core.Commands;

namespace CohortBot.Core.Reviews;

/// <summary>
/// <c>/reject proof:&lt;w12|c5&gt; reason:&lt;text&gt; [week]</c>: without a reason (the Reject
/// button) it answers with a form asking for one, because the participant must be told why.
/// </summary>
public sealed class RejectHandler(ReviewDesk desk) : ICommandHandler
{
    public const int MaxReasonLength = 500;

    public CommandDescriptor Command => Catalogue.Reject;

    public bool NeedsParticipant => false;

    public Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var reason = ctx.String("reason")?.Trim();
        return string.IsNullOrEmpty(reason) ? Task.FromResult(ReasonForm(ctx)) : desk.DecideAsync(ctx, approve: false, reason, ct);
    }

    private static Reply ReasonForm(CommandContext ctx)
    {
        var t = ctx.T;
        var proof = ctx.String("proof")!;
        var fixedOptions = new Dictionary<string, string> { ["proof"] = proof };
        if (ctx.Integer("week") is { } week)
        {
            fixedOptions["week"] = week.ToString(CultureInfo.InvariantCulture);
        }

        return new Reply(t["review.reason_needed", new { proof }])
        {
            Tone = ReplyTone.Warning,
            Form = new ReplyForm(t["form.reject.title"], Catalogue.Reject.Name, fixedOptions,
                [new FormField("reason", t["form.reject.reason"], Required: true, Multiline: true, MaxLength: MaxReasonLength)]),
        };
    }
}
