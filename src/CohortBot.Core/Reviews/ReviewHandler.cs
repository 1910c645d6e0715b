using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Reviews;

/// <summary><c>/review [week]</c>: claims the next pending proof for the caller and shows it with Approve / Reject.</summary>
public sealed class ReviewHandler(IReviewQueue queue, ReviewCard card, ICohortStore cohorts, IOptions<ReviewOptions> options) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Review;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct) =>
        await UnknownWeekAsync(cohorts, ctx, ct)
        ?? await NextAsync(queue, card, options.Value, ctx, (int?)ctx.Integer("week"), null, ct);

    /// <summary>The refusal of a <c>week</c> option the cohort does not have (rather than "nothing to review"); null when fine.</summary>
    internal static async Task<Reply?> UnknownWeekAsync(ICohortStore cohorts, CommandContext ctx, CancellationToken ct) =>
        ctx.Integer("week") is { } week && (await cohorts.WeeksAsync(ctx.Cohort.Id, ct)).All(w => w.Number != week)
            ? Reply.Error(ctx.T["manage.unknown_week", new { week }])
            : null;

    /// <summary>Claims and shows the next proof; shared with approve and reject, which move on to the next one.</summary>
    internal static async Task<Reply> NextAsync(IReviewQueue queue, ReviewCard card, ReviewOptions options, CommandContext ctx, int? week, string? preface, CancellationToken ct)
    {
        var t = ctx.T;
        var reviewer = Actor.Of(ctx.Invocation.User);
        var item = await queue.ClaimNextAsync(ctx.Cohort.Id, week, reviewer, ctx.Now, options.ClaimLease, ct);
        if (item is null)
        {
            var empty = week is null ? t["review.empty"] : t["review.empty_week", new { week }];
            return Reply.Success(preface is null ? empty : preface + "\n" + empty);
        }

        var left = await queue.PendingCountAsync(ctx.Cohort.Id, week, reviewer, ctx.Now, ct);
        return await card.ShowAsync(item, Math.Max(0, left - 1), week, t, ct, preface);
    }
}
