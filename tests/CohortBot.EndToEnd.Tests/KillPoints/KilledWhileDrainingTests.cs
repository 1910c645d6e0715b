namespace CohortBot.EndToEnd.Tests.KillPoints;

/// <summary>
/// SIGTERM with proofs in flight, then SIGKILL while the bot drains them (their screenshots are
/// still downloading): nothing acknowledged is lost, nothing is stored twice.
/// </summary>
public sealed class KilledWhileDrainingTests
{
    private const int Rounds = 4;
    private const int InFlight = 3;

    [Fact]
    public async Task EveryProofInFlight_IsStoredOnce_AndAnsweredOnce_AfterTheRestart()
    {
        await using var world = await KillWorld.StartAsync();
        var bot = await world.StartBotAsync();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                world.Discord.CdnHold = new CohortBot.Fakes.Gate(); // a CDN that never answers: the download is in flight when the host goes
                var sent = new List<(string User, string Id)>();
                for (var i = 0; i < InFlight; i++)
                {
                    var user = world.NewUser();
                    sent.Add((user, await world.SendAsync(KillWorld.ImageProof(user))));
                }

                await bot.UntilAsync(() => sent.All(s => world.Deferred(s.Id)), "the deferrals");
                bot.Terminate();
                await bot.WaitForLogAsync("finishing");
                bot.Kill();
                world.Discord.CdnHold = null;
                await bot.DisposeAsync();
                bot = await world.StartBotAsync();
                await bot.UntilAsync(() => sent.All(s => world.Answered(s.User, s.Id)), $"round {round}'s answers");

                foreach (var (user, id) in sent)
                {
                    Assert.Equal(1, await world.ProofsOfAsync(user));
                    Assert.Equal(1, world.AnswersSeenBy(user, id));
                }
            }
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }
}
