using CohortBot.Fakes.Discord;

namespace CohortBot.EndToEnd.Tests.KillPoints;

/// <summary>
/// SIGKILL after the deferral went out but before the command wrote anything (its screenshot is
/// still downloading): the next start finishes it from the inbox — stored once, answered once.
/// </summary>
public sealed class KilledBetweenAckAndCommitTests
{
    private const int Rounds = 7;

    [Fact]
    public async Task EveryDeferredProof_IsStoredOnce_AndAnsweredOnce_AfterTheRestart()
    {
        await using var world = await KillWorld.StartAsync();
        var bot = await world.StartBotAsync();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var user = world.NewUser();
                world.Discord.CdnHold = new CohortBot.Fakes.Gate(); // a CDN that never answers: the download is in flight when the host goes
                var id = await world.SendAsync(KillWorld.ImageProof(user));
                await bot.UntilAsync(() => world.Deferred(id), "the deferral");

                bot.Kill();
                Assert.Equal(0, await world.ProofsOfAsync(user));
                world.Discord.CdnHold = null;
                await bot.DisposeAsync();
                bot = await world.StartBotAsync();
                await bot.UntilAsync(() => world.Answered(user, id), $"round {round}'s answer");

                Assert.Equal(1, await world.ProofsOfAsync(user));
                Assert.Equal(1, world.AnswersSeenBy(user, id));
                Assert.Equal(1, world.EditsOf(id));
                Assert.False(world.ErrorShown(id), bot.Log);
            }
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }
}
