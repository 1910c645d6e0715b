using CohortBot.Core.Commands;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/timezone</c>: the participant's own IANA zone, stored on the participant; the sample cohort is in Asia/Seoul.</summary>
public sealed class TimeZoneHandlerTests
{
    [Fact]
    public async Task TimeZone_WithoutAZone_SaysTheCurrentOne()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "timezone");

        Assert.Equal("Your time zone is Asia/Seoul (the cohort's is Asia/Seoul). Change it with /timezone zone:<Area/City>.", reply.Text);
    }

    [Fact]
    public async Task TimeZone_Set_IsStored_AndTheReplyShowsTheTimeThere()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "timezone", ("zone", "America/Los_Angeles"));
        var current = await bot.RunAsync("ada", "timezone");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.StartsWith("Your time zone is now America/Los_Angeles; it is ", reply.Text, StringComparison.Ordinal);
        Assert.Equal("America/Los_Angeles", (await bot.ParticipantAsync("ada"))!.TimeZone);
        Assert.StartsWith("Your time zone is America/Los_Angeles (the cohort's is Asia/Seoul)", current.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_Cohort_GoesBackToTheCohortsZone()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "timezone", ("zone", "Europe/Berlin"));

        var reply = await bot.RunAsync("ada", "timezone", ("zone", "cohort"));

        Assert.Equal("You're back on the cohort's time zone, Asia/Seoul.", reply.Text);
        Assert.Null((await bot.ParticipantAsync("ada"))!.TimeZone);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("EST")]
    [InlineData("../../etc/localtime")]
    public async Task TimeZone_Unknown_OrNotAnAreaCityName_IsRefused_AndChangesNothing(string zone)
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "timezone", ("zone", "Europe/Berlin"));

        var reply = await bot.RunAsync("ada", "timezone", ("zone", zone));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.StartsWith($"'{zone}' is not a time zone I know.", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", (await bot.ParticipantAsync("ada"))!.TimeZone);
    }
}
