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
                var token = (string)interaction["token"]!;
                // The request carrying the answer (the reply, or the edit of a deferral when the machine
                // is slow) reaches "Discord", but no response comes back: the bot dies waiting for it.
                bool CarriesTheAnswer(RecordedRequest r) =>
                    (r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal) && !r.Body.Contains("\"type\":5", StringComparison.Ordinal))
                    || (r.Method == "PATCH" && r.Path.Contains(token, StringComparison.Ordinal));
                world.Discord.Enqueue(CarriesTheAnswer, new CannedResponse(204, string.Empty, new Dictionary<string, string>()) { Hold = new CohortBot.Fakes.Gate() });
                await world.SendAsync(interaction);
                await world.Discord.WaitForAsync(CarriesTheAnswer, TimeSpan.FromSeconds(60));

                bot.Kill();
                Assert.Equal(1, await world.ProofsOfAsync(user));
                await bot.DisposeAsync();
                bot = await world.StartBotAsync();
                // Told that it was saved, in the deferred message (an edit) or by direct message. The held
                // reply may already count as seen, so the wait is for the notice itself, not any answer.
                bool ToldItWasSaved() => world.Discord.Requests.Any(r => r.Body.Contains("saved just before the bot restarted", StringComparison.Ordinal)
                    && (r.Path.Contains(user, StringComparison.Ordinal) || r.Path.Contains(token, StringComparison.Ordinal)));
                await bot.UntilAsync(() => world.Answered(user, id) && ToldItWasSaved(), $"round {round}'s answer");

                Assert.Equal(1, await world.ProofsOfAsync(user));
                Assert.Equal(1, world.AnswersSeenBy(user, id));
            }
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }
}
