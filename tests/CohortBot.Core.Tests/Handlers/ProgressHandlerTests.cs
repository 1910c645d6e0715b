using CohortBot.Core.Commands;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/progress</c>: the caller's own record on the sample cohort, Wednesday of week 2.</summary>
public sealed class ProgressHandlerTests
{
    [Fact]
    public async Task Progress_OfSomeoneNew_ShowsEveryWeek_TheCertificateDue_AndNoEvents()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "progress");

        Assert.Equal("ada's progress in Test Cohort", reply.Text);
        Assert.Equal("Weeks (0/2 submitted)", reply.Fields[0].Name);
        Assert.Equal("Week 1: missing\nWeek 2: not submitted yet\nWeek 3: not open yet", reply.Fields[0].Value);
        Assert.StartsWith("not submitted yet (due ", reply.Fields[1].Value, StringComparison.Ordinal);
        Assert.Equal(("Your RSVPs", "none"), (reply.Fields[2].Name, reply.Fields[2].Value));
        Assert.Equal(("Events attended: 0", "none"), (reply.Fields[3].Name, reply.Fields[3].Value));
        Assert.NotNull(await bot.ParticipantAsync("ada"));
    }

    [Fact]
    public async Task Progress_ShowsProofs_ARejectionWithItsReason_TheCertificate_AndRsvps()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/week2"));
        await bot.RunAsync("ada", "submit", ("week", 1), ("url", "https://example.com/week1"));
        await bot.RunAsync("ada", "cert", ("type", "tf-developer"), ("url", "https://credly.example/ada"));
        await bot.RunAsync("ada", "rsvp", ("event", "oh-dable"));
        var week1 = (await bot.LatestAsync("ada", 1))!;
        await bot.RunAsync(HandlerServices.Organizer, "reject", ("proof", "w" + week1.Id), ("reason", "the link shows another course"));

        var reply = await bot.RunAsync("ada", "progress");

        Assert.Equal("Weeks (1/2 submitted)", reply.Fields[0].Name);
        Assert.Equal("Week 1: rejected, please resubmit — the link shows another course\nWeek 2: submitted, waiting for review\nWeek 3: not open yet", reply.Fields[0].Value);
        Assert.StartsWith("TensorFlow Developer Certificate: submitted, waiting for review", reply.Fields[1].Value, StringComparison.Ordinal);
        Assert.StartsWith("Office hours with Dable (oh-dable), ", reply.Fields[2].Value, StringComparison.Ordinal);
        Assert.EndsWith(": going", reply.Fields[2].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_OfSomeoneElse_IsNotAnOption()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "progress", ("participant", "test:bob"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("/progress takes no options, so 'participant' is not one.", reply.Text);
    }
}
