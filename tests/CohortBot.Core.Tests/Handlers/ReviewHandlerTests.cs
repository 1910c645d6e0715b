using CohortBot.Core.Commands;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/review</c>: an organizer claims the next pending proof and sees it with Approve and Reject.</summary>
public sealed class ReviewHandlerTests
{
    [Fact]
    public async Task Review_ClaimsTheOldestPendingProof_AndShowsItWithTheTwoButtons()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"), ("note", "lessons 1-5"));
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.RunAsync("bob", "submit", ("week", 2), ("url", "https://example.com/bob"));
        var proof = "w" + (await bot.LatestAsync("ada", 2))!.Id;

        var reply = await bot.RunAsync(HandlerServices.Organizer, "review");

        Assert.Equal("Week 2 proof from ada", reply.Title);
        Assert.StartsWith("This proof is yours to review until", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("1 more waiting.", reply.Text, StringComparison.Ordinal);
        Assert.Equal("https://example.com/ada", reply.Fields.Single(f => f.Name == "Proof").Value);
        Assert.Equal("lessons 1-5", reply.Fields.Single(f => f.Name == "Note").Value);
        Assert.Equal([ButtonAction.Encode("approve", ("proof", proof)), ButtonAction.Encode("reject", ("proof", proof))], reply.Buttons.Select(b => b.Action));
    }

    [Fact]
    public async Task Review_OfOneWeek_ShowsOnlyThatWeeksProofs()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"));

        var none = await bot.RunAsync(HandlerServices.Organizer, "review", ("week", 1));
        var week2 = await bot.RunAsync(HandlerServices.Organizer, "review", ("week", 2));

        Assert.Equal("No proofs of week 1 are waiting for review.", none.Text);
        Assert.Equal("Week 2 proof from ada", week2.Title);
        Assert.All(week2.Buttons, b => Assert.EndsWith("&week=2", b.Action, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_WithNothingPending_SaysSo()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync(HandlerServices.Organizer, "review");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.Equal("No proofs are waiting for review.", reply.Text);
    }

    [Fact]
    public async Task Review_OfAWeekTheCohortDoesNotHave_IsRefused()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync(HandlerServices.Organizer, "review", ("week", 9));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("There is no week 9.", reply.Text);
    }

    [Fact]
    public async Task Review_ByAParticipant_IsRefused_AndClaimsNothing()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"));

        var refused = await bot.RunAsync("bob", "review");
        var organizer = await bot.RunAsync(HandlerServices.Organizer, "review");

        Assert.Equal(ReplyTone.Error, refused.Tone);
        Assert.Equal("Sorry, /review is for organizers only.", refused.Text);
        Assert.Equal("Week 2 proof from ada", organizer.Title);
    }
}
