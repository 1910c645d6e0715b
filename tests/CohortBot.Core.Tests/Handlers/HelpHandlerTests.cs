using CohortBot.Core.Commands;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/help</c>: the commands the caller may run, with their usage.</summary>
public sealed class HelpHandlerTests
{
    [Fact]
    public async Task Help_ForAParticipant_ListsTheirCommands_AndNoOrganizerOne()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "help");

        Assert.Equal(("CohortBot", "I help you through Test Cohort: weekly proofs, your certificate, and partner events."), (reply.Title, reply.Text));
        var usages = reply.Fields.Select(f => f.Name).ToList();
        Assert.Equal(Catalogue.All.Count(c => !c.OrganizerOnly), usages.Count);
        Assert.Contains(usages, u => u.StartsWith("/submit week:", StringComparison.Ordinal));
        Assert.DoesNotContain(usages, u => u.StartsWith("/review", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_ForAnOrganizer_ListsEveryCommand()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync(HandlerServices.Organizer, "help");

        Assert.Equal(Catalogue.All.Count, reply.Fields.Count);
        Assert.Contains(reply.Fields, f => f.Name.StartsWith("/review", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_DoesNotRegisterTheCaller()
    {
        await using var bot = await HandlerServices.StartAsync();

        await bot.RunAsync("ada", "help");

        Assert.Null(await bot.ParticipantAsync("ada"));
    }

    [Fact]
    public async Task AnUnknownCommand_IsAnsweredPolitely_WithWhatTheCallerMayRun()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "frobnicate");

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains("I don't know the command /frobnicate", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/submit", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/review", reply.Text, StringComparison.Ordinal);
    }
}
