using CohortBot.Fakes.Discord;
using CohortBot.Host;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Hosting;

namespace CohortBot.EndToEnd.Tests.KillPoints;

/// <summary>
/// The host stopped with no time to drain (its shutdown token already cancelled) while a proof is
/// in flight, then a new host on the same database: the proof is finished from the inbox, once.
/// </summary>
public sealed class CancelledHostTests
{
    private const int Rounds = 3;

    [Fact]
    public async Task AProofInFlight_WhenTheHostGivesUpDraining_IsStoredOnce_AndAnsweredOnce_ByTheNextHost()
    {
        await using var world = await KillWorld.StartAsync();
        var host = await StartHostAsync(world);
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var user = world.NewUser();
                world.Discord.CdnHold = new CohortBot.Fakes.Gate(); // a CDN that never answers: the download is in flight when the host goes
                var id = await world.SendAsync(KillWorld.ImageProof(user));
                await UntilAsync(world.Discord, () => world.Deferred(id));

                await host.StopAsync(new CancellationToken(canceled: true));
                host.Dispose();
                SqliteConnectionFactory.ReleaseAll();
                Assert.Equal(0, await world.ProofsOfAsync(user));
                world.Discord.CdnHold = null;
                host = await StartHostAsync(world);
                await UntilAsync(world.Discord, () => world.Answered(user, id));

                Assert.Equal(1, await world.ProofsOfAsync(user));
                Assert.Equal(1, world.AnswersSeenBy(user, id));
                Assert.Equal(1, world.EditsOf(id));
            }
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stop.Token);
            host.Dispose();
            SqliteConnectionFactory.ReleaseAll();
        }
    }

    private static async Task<IHost> StartHostAsync(KillWorld world)
    {
        var identified = world.Discord.Gateway.Identifies.Count;
        var host = CohortBotHost.Build([.. world.Settings, "--Logging:LogLevel:Default=Warning"]);
        await host.StartAsync();
        await UntilAsync(world.Discord, () => world.Discord.Gateway.Identifies.Count > identified && world.Discord.Gateway.HasLiveConnection);
        return host;
    }

    /// <summary>Re-checks whenever the fake Discord receives or answers a request or its gateway sees a frame.</summary>
    private static Task UntilAsync(FakeDiscord discord, Func<bool> condition) =>
        CohortBot.Fakes.Eventually.TrueAsync(condition, [discord.Arrived, discord.Gateway.Changed], "the condition", TimeSpan.FromSeconds(90));
}
