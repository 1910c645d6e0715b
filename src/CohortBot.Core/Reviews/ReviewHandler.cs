using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Reviews;

/// <summary><c>/review [week]</c>: claims the next pending proof for the caller and shows it with Approve / Reject.</summary>
public sealed class ReviewHandler(IReviewQueue queue, ReviewCard card, IOptions<ReviewOptions> options) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Review;

    public bool NeedsParticipant => false;

    public Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct) =>
        NextAsync(queue, card, options.Value, ctx, (int?)ctx.Integer("week"), null, ct);

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
