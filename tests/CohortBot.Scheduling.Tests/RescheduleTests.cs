using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Host.CohortFile;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Scheduling.Tests;

/// <summary>Moving or cancelling a deadline or event replaces its jobs.</summary>
public sealed class RescheduleTests
{
    private static readonly DateTime DueLocal = new(2026, 12, 6, 23, 59, 0);
    private static readonly DateTimeOffset Due = SampleCohort.Kst(DueLocal);

    [Fact]
    public async Task MovedDeadline_RemindsForTheNewOne_AndNotTheOld()
    {
        using var folder = new TestFolder();
        var cohort = BotUnderTest.Cohort();
        cohort.Week(12, SampleCohort.Kst(2026, 11, 30, 0, 0), SampleCohort.Kst(DueLocal));
        cohort.TerminalMembers("alice");
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, Due.AddDays(-3));

        cohort.Weeks[0] = cohort.Weeks[0] with { DueAt = SampleCohort.Kst(DueLocal.AddDays(1)) };
        await ResyncAsync(bot, folder, cohort, CohortChangeKind.WeekChanged, "12");

        await bot.AdvanceToAsync(Due.AddHours(-48).AddMinutes(5));
        Assert.Empty(bot.Platform.All);
        var newDue = Due.AddDays(1);
        await bot.AdvanceToAsync(newDue.AddHours(-48));
        await bot.Platform.WaitUntilAsync(s => s.Count == 1);
        Assert.Equal(newDue.AddHours(-48), bot.Platform.All.Single().At);
        Assert.Contains(Core.Time.TimeMarkup.Token(newDue), bot.Platform.All.Single().Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledEvent_HasNoAnnouncementOrReminder()
    {
        using var folder = new TestFolder();
        var start = new DateTime(2026, 12, 9, 20, 0, 0);
        var cohort = BotUnderTest.Cohort();
        BotUnderTest.Talk(cohort, "tt-gone", EventKind.TechTalk, SampleCohort.Kst(start));
        BotUnderTest.Talk(cohort, "tt-kept", EventKind.TechTalk, SampleCohort.Kst(start.AddHours(1)));
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, SampleCohort.Kst(start).AddDays(-4));

        cohort.Events.RemoveAt(0); // leaving the file cancels it
        await ResyncAsync(bot, folder, cohort, CohortChangeKind.EventChanged, "tt-gone");

        await bot.AdvanceToAsync(SampleCohort.Kst(start.AddHours(1)).AddDays(-3));
        await bot.Platform.WaitUntilAsync(s => s.Count == 1);
        Assert.Contains("tt-kept", bot.Platform.Channel("announcements").Single().Message.Buttons.Single().Action, StringComparison.Ordinal);
    }

    private static async Task ResyncAsync(BotUnderTest bot, TestFolder folder, CohortBuilder cohort, CohortChangeKind kind, string subject)
    {
        File.WriteAllText(folder.CohortFile, cohort.ToYaml());
        var definition = CohortFileReader.Read(folder.CohortFile);
        var result = await bot.Services.GetRequiredService<ICohortStore>().SyncAsync(definition, bot.Clock.GetUtcNow(), CancellationToken.None);
        await bot.Services.GetRequiredService<CohortChanges>().PublishAsync(new CohortChange(result.CohortId, kind, subject), CancellationToken.None);
    }
}
