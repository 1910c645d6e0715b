using CohortBot.Core.Commands;
using CohortBot.Core.Submissions;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/approve</c> (the Approve button): the decision is stored, the participant told, and the next proof shown.</summary>
public sealed class ApproveHandlerTests
{
    [Fact]
    public async Task Approve_StoresTheDecision_TellsTheParticipant_AndShowsTheNextProof()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"));
        await bot.RunAsync("bob", "submit", ("week", 2), ("url", "https://example.com/bob"));
        var proof = "w" + (await bot.LatestAsync("ada", 2))!.Id;

        var reply = await bot.RunAsync(HandlerServices.Organizer, "approve", ("proof", proof));

        Assert.StartsWith("Approved the week 2 proof of ada", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Week 2 proof from bob", reply.Title);
        Assert.Equal(ReviewStatus.Approved, (await bot.LatestAsync("ada", 2))!.Status);
        Assert.Equal(ReviewStatus.Pending, (await bot.LatestAsync("bob", 2))!.Status);
        Assert.Equal("Your proof for week 2 has been approved. Thank you!", Assert.Single(bot.Platform().To("ada")).Text);
    }

    [Fact]
    public async Task Approve_TheLastOne_SaysNothingIsLeft()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"));

        var reply = await bot.RunAsync(HandlerServices.Organizer, "approve", ("proof", "w" + (await bot.LatestAsync("ada", 2))!.Id));

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.EndsWith("\nNo proofs are waiting for review.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_Twice_ChangesNothing_AndTellsNobodyAgain()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"));
        var proof = "w" + (await bot.LatestAsync("ada", 2))!.Id;
        await bot.RunAsync(HandlerServices.Organizer, "approve", ("proof", proof));

        var again = await bot.RunAsync(HandlerServices.Organizer, "reject", ("proof", proof), ("reason", "changed my mind"));

        Assert.Equal(ReplyTone.Warning, again.Tone);
        Assert.Equal($"Proof {proof} has already been reviewed: approved. Nothing changed.", again.Text);
        Assert.Equal(ReviewStatus.Approved, (await bot.LatestAsync("ada", 2))!.Status);
        Assert.Single(bot.Platform().To("ada"));
    }

    [Fact]
    public async Task Approve_AProofSinceReplaced_PointsToTheLatest()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/first"));
        var first = "w" + (await bot.LatestAsync("ada", 2))!.Id;
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/second"));

        var reply = await bot.RunAsync(HandlerServices.Organizer, "approve", ("proof", first));

        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.Equal($"The participant has sent a newer proof since {first}; run /review to see the latest one.", reply.Text);
        Assert.Equal(ReviewStatus.Pending, (await bot.LatestAsync("ada", 2))!.Status);
    }

    [Theory]
    [InlineData("x12", "'x12' is not a proof id.")]
    [InlineData("w999999", "There is no proof w999999 in this cohort.")]
    public async Task Approve_OfSomethingThatIsNotAProofHere_IsRefused(string proof, string expected)
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync(HandlerServices.Organizer, "approve", ("proof", proof));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.StartsWith(expected, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_ByAParticipant_IsRefused_AndChangesNothing()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"));

        var reply = await bot.RunAsync("ada", "approve", ("proof", "w" + (await bot.LatestAsync("ada", 2))!.Id));

        Assert.Equal("Sorry, /approve is for organizers only.", reply.Text);
        Assert.Equal(ReviewStatus.Pending, (await bot.LatestAsync("ada", 2))!.Status);
    }
}
