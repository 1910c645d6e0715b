using CohortBot.Fakes.Discord;

namespace CohortBot.EndToEnd.Tests.KillPoints;

/// <summary>
/// SIGKILL after the proof committed while its reply was on its way (Discord holds the request):
/// the next start sees the command was executed and does not run it again; the participant is
/// told once that it was saved.
/// </summary>
public sealed class KilledBetweenCommitAndReplyTests
{
    private const int Rounds = 7;

    [Fact]
    public async Task EveryCommittedProof_IsNotRepeated_AndAnsweredOnce_AfterTheRestart()
    {
        await using var world = await KillWorld.StartAsync();
        var bot = await world.StartBotAsync();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var user = world.NewUser();
                var interaction = KillWorld.LinkProof(user);
                var id = (string)interaction["id"]!;
                // The reply reaches "Discord" but its answer never comes back: the bot dies waiting.
                world.Discord.Enqueue(r => r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal),
                    new CannedResponse(204, string.Empty, new Dictionary<string, string>()) { Delay = TimeSpan.FromMinutes(10) });
                await world.SendAsync(interaction);
                await world.Discord.WaitForAsync(r => r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

                bot.Kill();
                Assert.Equal(1, await world.ProofsOfAsync(user));
                await bot.DisposeAsync();
                bot = await world.StartBotAsync();
                await bot.UntilAsync(() => world.Answered(user, id), $"round {round}'s answer");

                Assert.Equal(1, await world.ProofsOfAsync(user));
                Assert.Equal(1, world.AnswersSeenBy(user, id));
                Assert.Contains(world.Discord.Requests, r => r.Body.Contains("saved just before the bot restarted", StringComparison.Ordinal) && r.Path.Contains(user, StringComparison.Ordinal));
            }
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }
}
