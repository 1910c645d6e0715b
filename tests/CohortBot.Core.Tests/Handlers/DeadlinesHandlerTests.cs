using CohortBot.Core.Commands;
using CohortBot.Testing;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/deadlines</c> on the sample cohort, Wednesday of week 2.</summary>
public sealed class DeadlinesHandlerTests
{
    [Fact]
    public async Task Deadlines_ListTheComingWeeks_WithTheirStatus_TheOverdueOne_AndTheCertificate_AndOfferTheNextSubmission()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "deadlines");

        Assert.Equal("Coming up in Test Cohort", reply.Text);
        Assert.Equal(["Week 2: Course 1, weeks 3-4", "Week 3: Course 2, week 1", "Overdue, still accepted (marked late)", "Certificate"], reply.Fields.Select(f => f.Name));
        Assert.EndsWith(": not submitted yet", reply.Fields[0].Value, StringComparison.Ordinal);
        Assert.EndsWith(": not open yet", reply.Fields[1].Value, StringComparison.Ordinal);
        Assert.Equal("Weeks 1", reply.Fields[2].Value);
        Assert.Equal(ButtonAction.Encode("submit", ("week", "2")), Assert.Single(reply.Buttons).Action);
    }

    [Fact]
    public async Task Deadlines_AfterAProof_ShowItSubmitted_AndOfferTheOverdueWeekNext()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "submit", ("week", 2), ("url", "https://example.com/p"));

        var reply = await bot.RunAsync("ada", "deadlines");

        Assert.EndsWith(": submitted, waiting for review", reply.Fields[0].Value, StringComparison.Ordinal);
        Assert.Equal(ButtonAction.Encode("submit", ("week", "1")), Assert.Single(reply.Buttons).Action);
    }

    [Fact]
    public async Task Deadlines_ShowAnOrganizersExtension_AsTheParticipantsOwnDeadline()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "progress");
        var ada = (await bot.ParticipantAsync("ada"))!;
        var extended = await bot.RunAsync(HandlerServices.Organizer, "extend", ("participant", "#" + ada.Id), ("week", 2), ("until", "2026-09-30 23:59"));
        Assert.True(extended.Tone == ReplyTone.Success, extended.Text);

        var reply = await bot.RunAsync("ada", "deadlines");

        var week2 = reply.Fields.Single(f => f.Name.StartsWith("Week 2", StringComparison.Ordinal)).Value;
        Assert.Contains("extended for you", week2, StringComparison.Ordinal);
        Assert.Contains(Time.TimeMarkup.Token(SampleCohort.Kst(2026, 9, 30, 23, 59)), week2, StringComparison.Ordinal);
        Assert.DoesNotContain("extended", reply.Fields.Single(f => f.Name.StartsWith("Week 3", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_WhenNothingIsDueAnyMore_SayCongratulations()
    {
        var cohort = SampleCohort.Definition(d => d with
        {
            Certificates = null,
            Weeks = [.. d.Weeks.Select(w => w with { ClosesAt = w.DueAt.AddDays(1) })],
        });
        await using var bot = await HandlerServices.StartAsync(cohort);
        bot.Clock.SetUtcNow(SampleCohort.Kst(2026, 10, 10, 12, 0));

        var reply = await bot.RunAsync("ada", "deadlines");

        Assert.Equal("Nothing is due any more. Congratulations!", reply.Text);
        Assert.Empty(reply.Buttons);
    }

    [Fact]
    public async Task Deadlines_WithAnOptionItDoesNotHave_IsRefusedPolitely()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "deadlines", ("week", 2));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("/deadlines takes no options, so 'week' is not one.", reply.Text);
    }
}
