using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Organizers.Tests;

/// <summary>Steps the completion and export tests share: submit at a given local time, review everything, evaluate.</summary>
internal static class Scenario
{
    public static async Task SubmitAt(OrganizerFixture f, string user, int week, string kstLocal, string? url = null)
    {
        f.At(kstLocal);
        await ReviewQueueTests.Submit(f, user, week, url ?? $"https://example.com/{user}/{week}");
    }

    /// <summary>Claims and decides every pending proof; <paramref name="reject"/> picks the ones to reject.</summary>
    public static async Task ReviewAll(OrganizerFixture f, Func<ReviewItem, bool>? reject = null)
    {
        var queue = f.Get<IReviewQueue>();
        while (await queue.ClaimNextAsync(f.CohortId, null, "terminal:org-a", f.Clock.GetUtcNow(), TimeSpan.FromMinutes(10), CancellationToken.None) is { } item)
        {
            var no = reject?.Invoke(item) ?? false;
            var result = await queue.DecideAsync(f.CohortId, item.Proof, new ReviewDecision(!no, no ? "not readable" : null, "terminal:org-a", f.Clock.GetUtcNow()), null, CancellationToken.None);
            Assert.Equal(ReviewOutcome.Decided, result.Outcome);
        }
    }

    public static async Task<CompletionResult> Evaluate(OrganizerFixture f, string user, string kstLocal)
    {
        f.At(kstLocal);
        await using var scope = f.Services.CreateAsyncScope();
        var cohort = (await f.Get<ICohortStore>().FindAsync("test-cohort", CancellationToken.None))!;
        var results = await scope.ServiceProvider.GetRequiredService<CompletionReport>().EvaluateAsync(cohort, f.Clock.GetUtcNow(), CancellationToken.None);
        var id = await ReviewQueueTests.ParticipantIdAsync(f, user);
        return results.Single(r => r.Participant.Id == id);
    }

    public static async Task<long> WeekId(OrganizerFixture f, int number) =>
        (await f.Get<ICohortStore>().WeeksAsync(f.CohortId, CancellationToken.None)).Single(w => w.Number == number).Id;
}
