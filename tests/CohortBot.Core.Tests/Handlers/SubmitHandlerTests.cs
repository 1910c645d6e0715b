using CohortBot.Core.Commands;
using CohortBot.Core.Reviews;
using CohortBot.Core.Submissions;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/submit</c> on the sample cohort, on Wednesday of week 2: week 1 is past its deadline (still taking late proofs), week 3 not open.</summary>
public sealed class SubmitHandlerTests
{
    [Fact]
    public async Task Submit_ALinkBeforeTheDeadline_IsStored_AndThanked()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://coursera.org/verify/ADA2"), ("note", "all videos"));

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.StartsWith("Week 2 proof received, before the deadline", reply.Text, StringComparison.Ordinal);
        var saved = await bot.LatestAsync("ada", 2);
        Assert.NotNull(saved);
        Assert.Equal(("https://coursera.org/verify/ADA2", "all videos", false, 1, ReviewStatus.Pending), (saved.Url, saved.Note, saved.IsLate, saved.Attempt, saved.Status));
        Assert.Equal(SampleCohort.Now, saved.SubmittedAt);
    }

    [Fact]
    public async Task Submit_AfterTheDeadline_IsMarkedLate()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "submit", ("week", 1), ("url", "https://coursera.org/verify/ADA1"));

        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.Contains("after the deadline", reply.Text, StringComparison.Ordinal);
        Assert.True((await bot.LatestAsync("ada", 1))!.IsLate);
    }

    [Fact]
    public async Task Submit_Again_IsTheNextAttempt_AndTheLatestCounts()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/first"));
        bot.Clock.Advance(TimeSpan.FromHours(1));

        var reply = await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/second"));

        Assert.Contains("This replaces your earlier proof (attempt 2)", reply.Text, StringComparison.Ordinal);
        var latest = (await bot.LatestAsync("ada", 2))!;
        Assert.Equal(("https://example.com/second", 2), (latest.Url, latest.Attempt));
    }

    [Fact]
    public async Task Submit_ALinkFromAnAutoApprovedSite_IsApprovedAsItIsStored()
    {
        await using var bot = await HandlerServices.StartAsync(configure: s => s.Configure<ReviewOptions>(o => o.AutoApproveDomains.Add("coursera.org")));

        var reply = await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://www.coursera.org/verify/ADA2"));

        Assert.EndsWith("Links from this site are approved automatically: this week is done.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Approved, (await bot.LatestAsync("ada", 2))!.Status);
    }

    [Fact]
    public async Task Submit_WithoutAProof_AsksForOne_WithAForm_AndStoresNothing()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "submit", ("week", 2));

        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.StartsWith("To submit week 2, attach a screenshot or give a link.", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(reply.Form);
        Assert.Null(await bot.LatestAsync("ada", 2));
    }

    [Theory]
    [InlineData(9, "There is no week 9. Weeks open for proofs: 1, 2.")]
    [InlineData(3, "Week 3 opens on")]
    public async Task Submit_ToAWeekThatTakesNoProof_IsRefusedPolitely_NamingTheOpenWeeks(int week, string expected)
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "submit", ("week", week), ("url", "https://example.com/p"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.StartsWith(expected, reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("Weeks open for proofs: 1, 2.", reply.Text, StringComparison.Ordinal);
        Assert.Null(await bot.LatestAsync("ada", week));
    }

    [Fact]
    public async Task Submit_ToAClosedWeek_IsRefused()
    {
        var cohort = SampleCohort.Definition(d => d with { Weeks = [d.Weeks[0] with { ClosesAt = SampleCohort.Kst(2026, 9, 22, 23, 59) }, d.Weeks[1], d.Weeks[2]] });
        await using var bot = await HandlerServices.StartAsync(cohort);

        var reply = await bot.RunAsync("ada", "submit", ("week", 1), ("url", "https://example.com/p"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains("Week 1 closed on", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("Weeks open for proofs: 2.", reply.Text, StringComparison.Ordinal);
        Assert.Null(await bot.LatestAsync("ada", 1));
    }

    [Theory]
    [InlineData("not a link")]
    [InlineData("ftp://example.com/proof")]
    [InlineData("javascript:alert(1)")]
    public async Task Submit_ABadLink_IsRefusedPolitely_AndNothingIsStored(string url)
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "submit", ("week", 2), ("url", url));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("That link doesn't look right. Please give a full http:// or https:// address.", reply.Text);
        Assert.Null(await bot.LatestAsync("ada", 2));
    }

    [Fact]
    public async Task Submit_AWeekThatIsNotANumber_IsRefusedByTheDispatcher_BeforeTheHandler()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "submit", ("week", "two"), ("url", "https://example.com/p"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains("'week' must be a whole number", reply.Text, StringComparison.Ordinal);
        Assert.Null(await bot.LatestAsync("ada", 2));
    }
}
