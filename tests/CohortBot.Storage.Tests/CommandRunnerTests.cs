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
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var png = TestImages.Png(7);
        var slowUpload = new InvocationAttachment("slow.png", png.Length, async ct =>
        {
            reading.TrySetResult();
            await release.Task.WaitAsync(ct);
            return new MemoryStream(png);
        });

        var running = runner.RunAsync(Invocation.Create("submit", new PlatformUser("test", "slow", "Slow"), ("week", 2L), ("file", slowUpload)), CancellationToken.None);
        // The command is in flight once it reads its upload, which waits for the test.
        await reading.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, runner.InFlight);
        var idle = runner.WaitIdleAsync(CancellationToken.None);
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
}
