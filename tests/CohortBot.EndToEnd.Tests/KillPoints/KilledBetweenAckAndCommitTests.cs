using CohortBot.Fakes;

namespace CohortBot.EndToEnd.Tests.KillPoints;

/// <summary>
/// SIGKILL after the deferral went out but before the command wrote anything (its screenshot is
/// still downloading): the next start finishes it from the inbox — stored once, answered once.
/// </summary>
public sealed class KilledBetweenAckAndCommitTests
{
    // Every proof is a participant of its own and each one is waited on until it is at the kill
    // point, so several proofs at one kill prove for each what one proof per kill proved, at a
    // process start per kill rather than per proof. A second kill covers a restart after a restart:
    // the third process finishes what the second, itself restarted, had deferred, and the first
    // kill's proofs, already answered, are not answered again.
    private const int Kills = 2;
    private const int ProofsPerKill = 4;

    [Fact]
    public async Task EveryDeferredProof_IsStoredOnce_AndAnsweredOnce_AfterTheRestart()
    {
        await using var world = await KillWorld.StartAsync();
        var bot = await world.StartBotAsync();
        var all = new List<(string User, string Id)>();
        for (var kill = 0; kill < Kills; kill++)
        {
            world.Discord.CdnHold = new Gate(); // a CDN that never answers: the downloads are in flight when the host goes
            var sent = new List<(string User, string Id)>();
            for (var i = 0; i < ProofsPerKill; i++)
            {
                var user = world.NewUser();
                sent.Add((user, await world.SendAsync(KillWorld.ImageProof(user))));
            }

            await world.UntilAsync(bot, () => sent.All(s => world.Deferred(s.Id)), $"kill {kill}'s deferrals");

            bot.Kill();
            foreach (var (user, _) in sent)
            {
                Assert.Equal(0, await world.ProofsOfAsync(user));
            }

            world.Discord.CdnHold = null;
            bot = await world.StartBotAsync();
            await world.UntilAsync(bot, () => sent.All(s => world.Answered(s.User, s.Id)), $"kill {kill}'s answers");
            all.AddRange(sent);
            await StoredOnceAndAnsweredOnceAsync(world, all);
        }
    }

    private static async Task StoredOnceAndAnsweredOnceAsync(KillWorld world, IEnumerable<(string User, string Id)> proofs)
    {
        foreach (var (user, id) in proofs)
        {
            Assert.Equal(1, await world.ProofsOfAsync(user));
            Assert.Equal(1, world.AnswersSeenBy(user, id));
            Assert.Equal(1, world.EditsOf(id));
            Assert.False(world.ErrorShown(id), world.Logs);
        }
    }
}
