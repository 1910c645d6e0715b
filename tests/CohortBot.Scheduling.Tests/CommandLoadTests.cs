using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Scheduling.Tests;

/// <summary>A large fan-out runs on the scheduler's threads while commands keep being answered.</summary>
public sealed class CommandLoadTests
{
    private static readonly DateTime DueLocal = new(2026, 12, 6, 23, 59, 0);
    private static readonly DateTimeOffset Due = SampleCohort.Kst(DueLocal);

    [Fact]
    public async Task FanOutAtThePlatformsPace_DoesNotBlockCommands_AndReachesEveryoneOnce()
    {
        using var folder = new TestFolder();
        var cohort = BotUnderTest.Cohort();
        cohort.Week(12, SampleCohort.Kst(2026, 11, 30, 0, 0), SampleCohort.Kst(DueLocal));
        cohort.TerminalMembers(Enumerable.Range(1, 200).Select(i => $"p{i:D3}"));
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, Due.AddHours(-48).AddMinutes(-1));
        // The platform is as slow as the test wants: every send waits at the gate until it opens.
        var platform = new Gate();
        bot.Platform.Hold = platform;
        var runner = bot.Services.GetRequiredService<CommandRunner>();

        await bot.AdvanceToAsync(Due.AddHours(-48), waitForJobs: false);
        await platform.HeldAsync();
        // Every command is answered while the fan-out is stuck at the platform: none waits for it.
        await Task.WhenAll(Enumerable.Range(1, 40).Select(async i =>
        {
            var user = new PlatformUser("terminal", $"p{(i % 200) + 1:D3}", $"renamed {i}");
            var reply = await runner.RunAsync(Invocation.Create(i % 2 == 0 ? "deadlines" : "remind", user), CancellationToken.None);
            Assert.NotEqual(ReplyTone.Error, reply.Tone);
        }));

        Assert.Empty(bot.Platform.All);
        platform.Open();
        await bot.Platform.WaitUntilAsync(s => s.Count == 200, "the fan-out to everyone");
        Assert.Equal(200, bot.Platform.All.Select(s => s.Target).Distinct().Count());
    }

    [Fact]
    public async Task RemindAndDigestCommands_WorkThroughTheDispatcher()
    {
        using var folder = new TestFolder();
        var cohort = BotUnderTest.Cohort();
        cohort.TerminalMembers("alice");
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, Due.AddDays(-3));
        var runner = bot.Services.GetRequiredService<CommandRunner>();
        var alice = new PlatformUser("terminal", "alice", "alice");

        var parsed = TextCommandParser.Parse("/remind off quiet:22:30-07");
        var off = await runner.RunAsync(new Invocation(parsed.Command!, parsed.Options, alice), CancellationToken.None);
        Assert.Equal(ReplyTone.Success, off.Tone);
        Assert.Contains("Reminders are off", off.Text, StringComparison.Ordinal);
        Assert.Contains("22:30-07:00 (Asia/Seoul)", off.Text, StringComparison.Ordinal);
        var bad = await runner.RunAsync(Invocation.Create("remind", alice, ("quiet", "late")), CancellationToken.None);
        Assert.Equal(ReplyTone.Error, bad.Tone);

        var refused = await runner.RunAsync(Invocation.Create("digest", alice), CancellationToken.None);
        Assert.Equal(ReplyTone.Error, refused.Tone);
        Assert.Empty(bot.Platform.All);

        var posted = await runner.RunAsync(Invocation.Create("digest", new PlatformUser("terminal", "organizer", "organizer")), CancellationToken.None);
        Assert.Equal(ReplyTone.Success, posted.Tone);
        Assert.Single(bot.Platform.Channel("organizers"));
    }
}
