using CohortBot.Core.Commands;
using CohortBot.Core.Events;
using CohortBot.Testing;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/rsvp</c> on the sample cohort: a talk without a seat limit, and office hours with two seats.</summary>
public sealed class RsvpHandlerTests
{
    [Fact]
    public async Task Rsvp_TakesASeat_AndAnswersWithTheJoinLink_AndACancelButton()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "rsvp", ("event", "oh-dable"));

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.StartsWith("You're going to Office hours with Dable", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("Join link: https://meet.example.com/oh", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ButtonAction.Encode("rsvp", ("event", "oh-dable"), ("cancel", "true")), Assert.Single(reply.Buttons).Action);
        Assert.Equal(RsvpStatus.Going, await StatusAsync(bot, "ada", "oh-dable"));
    }

    [Fact]
    public async Task Rsvp_Again_KeepsTheSeat_AndSaysSo()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "rsvp", ("event", "oh-dable"));

        var reply = await bot.RunAsync("ada", "rsvp", ("event", "oh-dable"));

        Assert.StartsWith("You already have a seat at Office hours with Dable", reply.Text, StringComparison.Ordinal);
        Assert.Equal(RsvpStatus.Going, await StatusAsync(bot, "ada", "oh-dable"));
    }

    [Fact]
    public async Task Rsvp_ToAFullOfficeHour_JoinsTheWaitlist()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "rsvp", ("event", "oh-dable"));
        await bot.RunAsync("bob", "rsvp", ("event", "oh-dable"));

        var reply = await bot.RunAsync("cara", "rsvp", ("event", "oh-dable"));

        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.Equal("Office hours with Dable is full, so you're on the waitlist at position 1. I'll message you if a seat frees up.", reply.Text);
        Assert.Equal(RsvpStatus.Waitlisted, await StatusAsync(bot, "cara", "oh-dable"));
    }

    [Fact]
    public async Task Cancel_GivesTheSeatToTheFirstWaiting_WhoIsToldByDirectMessage()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "rsvp", ("event", "oh-dable"));
        await bot.RunAsync("bob", "rsvp", ("event", "oh-dable"));
        await bot.RunAsync("cara", "rsvp", ("event", "oh-dable"));

        var reply = await bot.RunAsync("ada", "rsvp", ("event", "oh-dable"), ("cancel", true));

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.Equal("Your reservation for Office hours with Dable is cancelled.", reply.Text);
        Assert.Null(await StatusAsync(bot, "ada", "oh-dable"));
        Assert.Equal(RsvpStatus.Going, await StatusAsync(bot, "cara", "oh-dable"));
        var told = Assert.Single(bot.Platform().To("cara"));
        Assert.StartsWith("Good news: a seat freed up and you're now going to Office hours with Dable", told.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Platform().To("bob"));
    }

    [Fact]
    public async Task Cancel_WithoutAReservation_IsAWarning()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "rsvp", ("event", "tt-dable"), ("cancel", true));

        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.Equal("You have no reservation for News recommendation at scale.", reply.Text);
    }

    [Fact]
    public async Task Rsvp_ToAnUnknownEvent_NamesTheUpcomingOnes()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "rsvp", ("event", "oh-nope"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("There is no event 'oh-nope'. Upcoming events: tt-dable, oh-dable.", reply.Text);
    }

    [Fact]
    public async Task Rsvp_AfterTheStart_IsClosed_AndCancellingAfterTheEnd_IsOver()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "rsvp", ("event", "tt-dable"));
        bot.Clock.SetUtcNow(SampleCohort.Kst(2026, 9, 30, 20, 30));

        var late = await bot.RunAsync("bob", "rsvp", ("event", "tt-dable"));
        bot.Clock.SetUtcNow(SampleCohort.Kst(2026, 9, 30, 21, 30));
        var over = await bot.RunAsync("ada", "rsvp", ("event", "tt-dable"), ("cancel", true));

        Assert.Equal("News recommendation at scale has already started, so RSVPs are closed.", late.Text);
        Assert.Equal("News recommendation at scale is over.", over.Text);
        Assert.Null(await StatusAsync(bot, "bob", "tt-dable"));
        Assert.Equal(RsvpStatus.Going, await StatusAsync(bot, "ada", "tt-dable"));
    }

    [Fact]
    public async Task Rsvp_ToACancelledEvent_IsRefused()
    {
        var cohort = SampleCohort.Definition(d => d with { Events = [.. d.Events.Select(e => e.Key == "oh-dable" ? e with { Cancelled = true } : e)] });
        await using var bot = await HandlerServices.StartAsync(cohort);

        var reply = await bot.RunAsync("ada", "rsvp", ("event", "oh-dable"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("Office hours with Dable has been cancelled.", reply.Text);
        Assert.Null(await StatusAsync(bot, "ada", "oh-dable"));
    }

    private static async Task<RsvpStatus?> StatusAsync(CohortServices bot, string user, string eventKey)
    {
        var participant = await bot.ParticipantAsync(user);
        return participant is null
            ? null
            : (await bot.Get<IEventStore>().RsvpsOfAsync(participant.Id, CancellationToken.None)).SingleOrDefault(r => r.Event.Key == eventKey)?.Status;
    }
}
