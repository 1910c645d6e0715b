using CohortBot.Fakes;

namespace CohortBot.EndToEnd.Tests.KillPoints;

/// <summary>
/// SIGTERM with proofs in flight, then SIGKILL while the bot drains them (their screenshots are
/// still downloading): nothing acknowledged is lost, nothing is stored twice.
/// </summary>
public sealed class KilledWhileDrainingTests
{
    // Every proof is a participant of its own and all are deferred before the SIGTERM, so each one
    // is in flight while the bot drains: six at one kill prove for each what one round per kill
    // proved, at a process start per kill rather than per round. A second kill covers a restart after
    // a restart: the third process finishes what the second, itself restarted, was draining, and the
    // first kill's proofs, already answered, are not answered again.
    private const int Kills = 2;
    private const int InFlight = 6;

    [Fact]
    public async Task EveryProofInFlight_IsStoredOnce_AndAnsweredOnce_AfterTheRestart()
    {
        await using var world = await KillWorld.StartAsync();
        var bot = await world.StartBotAsync();
        var all = new List<(string User, string Id)>();
        for (var kill = 0; kill < Kills; kill++)
        {
            world.Discord.CdnHold = new Gate(); // a CDN that never answers: the downloads are in flight when the host goes
            var sent = new List<(string User, string Id)>();
            for (var i = 0; i < InFlight; i++)
            {
                var user = world.NewUser();
                sent.Add((user, await world.SendAsync(KillWorld.ImageProof(user))));
            }

            await world.UntilAsync(bot, () => sent.All(s => world.Deferred(s.Id)), $"kill {kill}'s deferrals");
            bot.Terminate();
            await world.UntilAsync(bot, () => bot.Lines.Any(l => l.Contains("finishing", StringComparison.Ordinal)), "the drain");
            bot.Kill();
            world.Discord.CdnHold = null;
            bot = await world.StartBotAsync();
            await world.UntilAsync(bot, () => sent.All(s => world.Answered(s.User, s.Id)), $"kill {kill}'s answers");

            all.AddRange(sent);
            foreach (var (user, id) in all)
            {
                Assert.Equal(1, await world.ProofsOfAsync(user));
                Assert.Equal(1, world.AnswersSeenBy(user, id));
            }
        }
    }
}
