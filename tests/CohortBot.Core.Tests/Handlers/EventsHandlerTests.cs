using CohortBot.Core.Commands;
using CohortBot.Testing;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/events</c> on the sample cohort: a talk on 30 September and office hours with two seats on 1 October.</summary>
public sealed class EventsHandlerTests
{
    [Fact]
    public async Task Events_ListTheUpcomingOnes_InOrder_WithSeats_AndRsvpButtons()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "events");

        Assert.Equal("Upcoming events", reply.Text);
        Assert.Equal(["Tech talk: News recommendation at scale", "Office hours: Office hours with Dable"], reply.Fields.Select(f => f.Name));
        Assert.Contains("by Dable\nRecsys\nSpeakers: Jung Yuna (Data Scientist)\nid tt-dable · 0 going", reply.Fields[0].Value, StringComparison.Ordinal);
        Assert.EndsWith("id oh-dable · 0/2 seats taken · 0 waiting", reply.Fields[1].Value, StringComparison.Ordinal);
        Assert.Equal([ButtonAction.Encode("rsvp", ("event", "tt-dable")), ButtonAction.Encode("rsvp", ("event", "oh-dable"))], reply.Buttons.Select(b => b.Action));
    }

    [Fact]
    public async Task Events_CountTheSeatsTaken_AndTheWaitlist()
    {
        await using var bot = await HandlerServices.StartAsync();
        foreach (var user in new[] { "ada", "bob", "cara" })
        {
            await bot.RunAsync(user, "rsvp", ("event", "oh-dable"));
        }

        var reply = await bot.RunAsync("ada", "events", ("kind", "office_hours"));

        var only = Assert.Single(reply.Fields);
        Assert.EndsWith("id oh-dable · 2/2 seats taken · 1 waiting", only.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_OfAnUnknownKind_NameTheKinds()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "events", ("kind", "workshop"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("'workshop' is not an event kind. Kinds: tech_talk, career_talk, office_hours.", reply.Text);
    }

    [Fact]
    public async Task Events_WhenAllArePast_SaySo()
    {
        await using var bot = await HandlerServices.StartAsync();
        bot.Clock.SetUtcNow(SampleCohort.Kst(2026, 10, 2, 9, 0));

        var reply = await bot.RunAsync("ada", "events");

        Assert.Equal("No upcoming events.", reply.Text);
        Assert.Empty(reply.Buttons);
    }
}
