using CohortBot.Core.Allowances;
using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Reviews;

/// <summary>
/// Records a verdict with its audit entry (one transaction), tells the participant, and moves the
/// reviewer on to the next proof. The DM is sent after the commit: a failed DM never undoes a review.
/// </summary>
public sealed class ReviewDesk(
    IReviewQueue queue,
    ReviewCard card,
    INotifier notifier,
    ICohortStore cohorts,
    IAllowanceStore allowances,
    IOptions<ReviewOptions> options)
{
    public async Task<Reply> DecideAsync(CommandContext ctx, bool approve, string? reason, CancellationToken ct)
    {
        var t = ctx.T;
        var text = ctx.String("proof")!;
        if (!ProofRef.TryParse(text, out var proof))
        {
            return Reply.Error(t["review.bad_proof", new { proof = text }]);
        }

        if (await ReviewHandler.UnknownWeekAsync(cohorts, ctx, ct) is { } unknownWeek)
        {
            return unknownWeek;
        }

        var actor = Actor.Of(ctx.Invocation.User);
        var result = await queue.DecideAsync(ctx.Cohort.Id, proof, new ReviewDecision(approve, reason, actor, ctx.Now), decided =>
            new AuditEntry(ctx.Cohort.Id, actor, approve ? "review.approve" : "review.reject", proof.ToString(),
                AuditState.Json(new { status = "pending", participant = decided.ParticipantId }),
                AuditState.Json(new { status = approve ? "approved" : "rejected", reason }), ctx.Now), ct);
        if (result.Outcome != ReviewOutcome.Decided)
        {
            return Refusal(result, proof, t);
        }

        var item = approve ? result.Item! : result.Item! with { ResubmitBy = await OwnResubmitByAsync(ctx, result.Item!, ct) };
        await notifier.NotifyParticipantAsync(ctx.Cohort, item.ParticipantId, tx => ReviewNotice.Compose(item, tx), ct);

        var done = approve
            ? t["review.approved", new { name = item.ParticipantLabel, what = What(item, t) }]
            : t["review.rejected", new { name = item.ParticipantLabel, what = What(item, t), reason }];
        return await ReviewHandler.NextAsync(queue, card, options.Value, ctx, (int?)ctx.Integer("week"), done, ct);
    }

    /// <summary>A rejected participant may resubmit until their own close: an extension for them moves it.</summary>
    private async Task<DateTimeOffset?> OwnResubmitByAsync(CommandContext ctx, ReviewItem item, CancellationToken ct)
    {
        var own = await allowances.ForParticipantAsync(item.ParticipantId, ct);
        if (item.WeekNumber is not { } number)
        {
            return item.ResubmitBy is { } deadline ? OwnDeadline.Of(deadline, own.CertificateDeadline).DueAt : item.ResubmitBy;
        }

        var week = (await cohorts.WeeksAsync(ctx.Cohort.Id, ct)).FirstOrDefault(w => w.Number == number);
        return week is null ? item.ResubmitBy : OwnWeek.Of(week, own).Week.ClosesAt;
    }

    private static string What(ReviewItem item, Messages.Texts t) =>
        item.WeekNumber is { } week ? t["review.what_week", new { week }] : t["review.what_certificate", new { certificate = item.CertificateKey }];

    private static Reply Refusal(ReviewResult result, ProofRef proof, Messages.Texts t) => result.Outcome switch
    {
        ReviewOutcome.NotFound => Reply.Error(t["review.not_found", new { proof = proof.ToString() }]),
        ReviewOutcome.AlreadyDecided => Reply.Warning(t["review.already_decided", new { proof = proof.ToString(), status = t[result.Item!.Status == Submissions.ReviewStatus.Approved ? "status.approved" : "status.rejected"] }]),
        ReviewOutcome.Superseded => Reply.Warning(t["review.superseded", new { proof = proof.ToString() }]),
        _ => Reply.Warning(t["review.claimed_by_other", new { proof = proof.ToString(), holder = result.Item!.ClaimedBy, until = result.Item.ClaimExpiresAt }]),
    };
}
