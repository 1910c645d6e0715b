using CohortBot.Core.Commands;
using CohortBot.Core.Events;
using CohortBot.Core.Exports;
using CohortBot.Core.Time;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Scheduling.Tests;

public sealed class AnnouncementAndDigestTests
{
    private static readonly DateTime TalkLocal = new(2026, 12, 9, 20, 0, 0);
    private static readonly DateTimeOffset Talk = SampleCohort.Kst(TalkLocal);

    [Fact]
    public async Task TechTalk_IsAnnouncedThreeDaysAndOneHourBefore_AndGoingParticipantsAreReminded()
    {
        using var folder = new TestFolder();
        var cohort = BotUnderTest.Cohort();
        BotUnderTest.Talk(cohort, "tt-hc", EventKind.TechTalk, SampleCohort.Kst(TalkLocal));
        BotUnderTest.Talk(cohort, "oh-hc", EventKind.OfficeHours, SampleCohort.Kst(TalkLocal.AddDays(1)));
        cohort.TerminalMembers(["alice", "bob"]);
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, Talk.AddDays(-4));
        var c = await bot.CohortAsync();
        var events = bot.Services.GetRequiredService<IEventStore>();
        var talk = (await events.FindAsync(c.Id, "tt-hc", CancellationToken.None))!;
        await events.RsvpAsync(talk, (await bot.ParticipantAsync("alice")).Id, bot.Clock.GetUtcNow(), CancellationToken.None);

        await bot.AdvanceToAsync(Talk.AddDays(-3));
        await bot.Platform.WaitUntilAsync(s => s.Count == 1);
        var post = bot.Platform.Channel("announcements").Single();
        Assert.Equal(Talk.AddDays(-3), post.At);
        Assert.Contains("Hyperconnect", post.Message.Text, StringComparison.Ordinal);
        Assert.Contains("Kim Seoyeon (ML Engineer)", post.Message.Text, StringComparison.Ordinal);
        Assert.Contains("On-device ML", post.Message.Text, StringComparison.Ordinal);
        Assert.Contains(TimeMarkup.Token(Talk, TimeStyle.Full), post.Message.Text, StringComparison.Ordinal);
        Assert.Contains(TimeMarkup.Token(Talk, TimeStyle.Relative), post.Message.Text, StringComparison.Ordinal);
        Assert.Equal(ButtonAction.Encode("rsvp", ("event", "tt-hc")), post.Message.Buttons.Single().Action);

        // Monday 09:00 Seoul falls in between: the organizer digest goes to its own channel.
        await bot.AdvanceToAsync(Talk.AddHours(-24));
        await bot.Platform.WaitUntilAsync(s => s.Any(x => x.Target == "alice"));
        var reminder = bot.Platform.Direct("alice").Single();
        Assert.Equal(Talk.AddHours(-24), reminder.At);
        Assert.Contains("https://meet.example.com/tt-hc", reminder.Message.Text, StringComparison.Ordinal);

        await bot.AdvanceToAsync(Talk.AddHours(-1));
        await bot.AdvanceToAsync(Talk.AddMinutes(-15));
        await bot.Platform.WaitUntilAsync(s => s.Count(x => x.Target is "alice" or "announcements") == 4);
        Assert.Equal([Talk.AddDays(-3), Talk.AddHours(-1)], bot.Platform.Channel("announcements").Select(s => s.At).ToArray());
        Assert.Equal([Talk.AddHours(-24), Talk.AddMinutes(-15)], bot.Platform.Direct("alice").Select(s => s.At).ToArray());
        Assert.Empty(bot.Platform.Direct("bob"));
    }

    [Fact]
    public async Task Digest_PostsMonday0900Seoul_ToTheOrganizersChannel_AndCatchesUpOnceAfterDowntime()
    {
        using var folder = new TestFolder();
        var cohort = BotUnderTest.Cohort();
        cohort.Week(12, SampleCohort.Kst(2026, 11, 30, 0, 0), SampleCohort.Kst(2026, 12, 6, 23, 59));
        cohort.TerminalMembers(["alice", "bob"]);
        var monday = SampleCohort.Kst(new DateTime(2026, 12, 7, 9, 0, 0));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), monday);

        await using (var bot = await BotUnderTest.StartAsync(folder, cohort, monday.AddMinutes(-30)))
        {
            await bot.AdvanceToAsync(monday.AddSeconds(-1));
            Assert.Empty(bot.Platform.All);
            await bot.AdvanceToAsync(monday);
            await bot.Platform.WaitUntilAsync(s => s.Count == 1);
            var digest = bot.Platform.Channel("organizers").Single();
            Assert.Equal(monday, digest.At);
            Assert.Contains("0 of 2 submitted", digest.Message.Text, StringComparison.Ordinal);
            Assert.Contains("2 missing.", digest.Message.Text, StringComparison.Ordinal);
            var missing = Csv.Read(Csv.Text(digest.Message.Files.Single(f => f.ContentType == "text/csv").Content)).Where(r => r[0] == "missing").Select(r => r[2]);
            Assert.Equal(["alice", "bob"], missing);
        }

        // Restart inside the grace window: already posted, not again.
        await using (var bot = await BotUnderTest.StartAsync(folder, cohort, monday.AddMinutes(20)))
        {
            await bot.AdvanceToAsync(monday.AddMinutes(25));
            Assert.Empty(bot.Platform.All);
        }

        // Down across next Monday 09:00, back at 10:00: the missed digest is posted once, late.
        var next = monday.AddDays(7);
        await using (var bot = await BotUnderTest.StartAsync(folder, cohort, next.AddHours(1)))
        {
            await bot.Platform.WaitUntilAsync(s => s.Count == 1);
            await bot.AdvanceToAsync(next.AddHours(1).AddMinutes(5));
            Assert.Single(bot.Platform.Channel("organizers"));
        }
    }

    [Fact]
    public async Task Restart_CatchesUpOnlyTheLatestMissedDigest_InsideTheGraceWindow()
    {
        using var folder = new TestFolder();
        var cohort = BotUnderTest.Cohort();
        cohort.TerminalMembers("alice");
        var start = SampleCohort.Kst(new DateTime(2026, 12, 7, 10, 10, 0));
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, start, "--Schedules:DigestCron=0 0/30 * ? * *");

        await bot.Platform.WaitUntilAsync(s => s.Count == 1);
        await bot.AdvanceToAsync(start.AddMinutes(5));
        Assert.Single(bot.Platform.Channel("organizers"));
        var c = await bot.CohortAsync();
        var ledger = bot.Services.GetRequiredService<Core.Outbox.IDeliveryLedger>();
        // The catch-up can fire before the test's listener is attached, so the wait is for its ledger
        // row, re-checked at each trigger event (its completion among them).
        var settled = await bot.WhenAsync(
            async () => (await ledger.SettledJobsAsync(c.Id, CancellationToken.None)).Select(k => k.Subject).ToArray() is { Length: > 0 } subjects ? subjects : null,
            "the caught-up digest's ledger row");
        Assert.Equal(["digest@" + SampleCohort.Kst(new DateTime(2026, 12, 7, 10, 0, 0)).ToUnixTimeSeconds()], settled);

        await bot.AdvanceToAsync(SampleCohort.Kst(new DateTime(2026, 12, 7, 10, 30, 0)));
        await bot.Platform.WaitUntilAsync(s => s.Count == 2);
    }
}
