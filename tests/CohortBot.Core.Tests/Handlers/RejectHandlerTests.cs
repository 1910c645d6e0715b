using CohortBot.Core.Commands;
using CohortBot.Core.Submissions;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/reject</c> (the Reject button): never without a reason, because the participant must be told why.</summary>
public sealed class RejectHandlerTests
{
    [Fact]
    public async Task Reject_WithAReason_StoresIt_AndTellsTheParticipantWhyAndUntilWhen()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"));
        var proof = "w" + (await bot.LatestAsync("ada", 2))!.Id;

        var reply = await bot.RunAsync(HandlerServices.Organizer, "reject", ("proof", proof), ("reason", "the page shows another course"));

        Assert.Matches(@"^Rejected the week 2 proof of ada \(#\d+ · test:ada\) \(the page shows another course\); they have been told how to resubmit\.", reply.Text);
        var saved = (await bot.LatestAsync("ada", 2))!;
        Assert.Equal((ReviewStatus.Rejected, "the page shows another course"), (saved.Status, saved.ReviewReason));
        var told = Assert.Single(bot.Platform().To("ada")).Text;
        Assert.StartsWith("Your proof for week 2 was not accepted: the page shows another course\nPlease send a new one with /submit week:2 before ", told, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Reject_WithoutAReason_AsksForOne_InAForm_AndChangesNothing(string? reason)
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"));
        var proof = "w" + (await bot.LatestAsync("ada", 2))!.Id;

        var reply = reason is null
            ? await bot.RunAsync(HandlerServices.Organizer, "reject", ("proof", proof), ("week", 2))
            : await bot.RunAsync(HandlerServices.Organizer, "reject", ("proof", proof), ("week", 2), ("reason", reason));

        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.Equal($"Why is proof {proof} rejected? The participant will see your reason.", reply.Text);
        Assert.NotNull(reply.Form);
        Assert.Equal("reject", reply.Form.Command);
        Assert.Equal(proof, reply.Form.Fixed["proof"]);
        Assert.Equal("2", reply.Form.Fixed["week"]);
        Assert.True(Assert.Single(reply.Form.Fields).Required);
        Assert.Equal(ReviewStatus.Pending, (await bot.LatestAsync("ada", 2))!.Status);
        Assert.Empty(bot.Platform().All);
    }

    [Fact]
    public async Task Reject_ByAParticipant_IsRefused()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/ada"));

        var reply = await bot.RunAsync("bob", "reject", ("proof", "w" + (await bot.LatestAsync("ada", 2))!.Id), ("reason", "no"));

        Assert.Equal("Sorry, /reject is for organizers only.", reply.Text);
        Assert.Equal(ReviewStatus.Pending, (await bot.LatestAsync("ada", 2))!.Status);
    }
}
