using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Testing;

namespace CohortBot.Storage.Tests;

/// <summary>Shutdown waits for commands in flight, and what they wrote is committed.</summary>
public sealed class CommandRunnerTests
{
    [Fact]
    public async Task WaitIdle_WaitsForASlowCommandToCommit()
    {
        await using var services = await CohortServices.StartAsync();
        var runner = services.Get<CommandRunner>();
        var release = new TaskCompletionSource();
        var png = TestImages.Png(7);
        var slowUpload = new InvocationAttachment("slow.png", png.Length, async ct =>
        {
            await release.Task.WaitAsync(ct);
            return new MemoryStream(png);
        });

        var running = runner.RunAsync(Invocation.Create("submit", new PlatformUser("test", "slow", "Slow"), ("week", 2L), ("file", slowUpload)), CancellationToken.None);
        await WaitUntilAsync(() => runner.InFlight == 1);
        var idle = runner.WaitIdleAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.False(idle.IsCompleted);

        release.SetResult();
        await idle.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ReplyTone.Success, (await running).Tone);
        var cohortId = (await services.Get<Core.Cohorts.ICohortStore>().FindAsync("test-cohort", default))!.Id;
        var participant = await services.Get<IParticipantStore>().FindByIdentityAsync(cohortId, "test", "slow", default);
        Assert.Single(await services.Get<ISubmissionStore>().LatestWeeklyAsync(participant!.Id, default));
    }

    [Fact]
    public async Task WaitIdle_WithNothingRunning_CompletesAtOnce()
    {
        await using var services = await CohortServices.StartAsync();
        Assert.True(services.Get<CommandRunner>().WaitIdleAsync(CancellationToken.None).IsCompleted);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
