using System.Text.Json.Nodes;
using CohortBot.Fakes;
using CohortBot.Fakes.Discord;

namespace CohortBot.EndToEnd.Tests.KillPoints;

/// <summary>
/// SIGKILL after the proof committed while its reply was on its way (Discord holds the request):
/// the next start sees the command was executed and does not run it again; the participant is
/// told once that it was saved.
/// </summary>
public sealed class KilledBetweenCommitAndReplyTests
{
    // Every proof is a participant of its own, with its own held answer, and each answer is waited
    // on until it has reached "Discord", so several proofs at one kill prove for each what one proof
    // per kill proved, at a process start per kill rather than per proof. A second kill covers a
    // restart after a restart: the third process finishes what the second, itself restarted, had
    // committed, and the first kill's proofs, already answered, are not answered again.
    private const int Kills = 2;
    private const int ProofsPerKill = 4;

    [Fact]
    public async Task EveryCommittedProof_IsNotRepeated_AndAnsweredOnce_AfterTheRestart()
    {
        await using var world = await KillWorld.StartAsync();
        var bot = await world.StartBotAsync();
        var all = new List<HeldProof>();
        for (var kill = 0; kill < Kills; kill++)
        {
            var sent = Enumerable.Range(0, ProofsPerKill).Select(_ => HeldProof.For(world.NewUser())).ToList();
            foreach (var proof in sent)
            {
                world.Discord.Enqueue(proof.CarriesTheAnswer, new CannedResponse(204, string.Empty, new Dictionary<string, string>()) { Hold = new Gate() });
                await world.SendAsync(proof.Interaction);
            }

            await world.UntilAsync(bot, () => sent.All(p => world.Discord.Requests.Any(p.CarriesTheAnswer)), $"kill {kill}'s held answers");

            bot.Kill();
            foreach (var proof in sent)
            {
                Assert.Equal(1, await world.ProofsOfAsync(proof.User));
            }

            bot = await world.StartBotAsync();
            // Told that it was saved, in the deferred message (an edit) or by direct message. The held
            // reply may already count as seen, so the wait is for the notice itself, not any answer.
            await world.UntilAsync(bot, () => sent.All(p => world.Answered(p.User, p.Id) && p.ToldItWasSaved(world.Discord)), $"kill {kill}'s answers");
            all.AddRange(sent);
            foreach (var proof in all)
            {
                Assert.Equal(1, await world.ProofsOfAsync(proof.User));
                Assert.Equal(1, world.AnswersSeenBy(proof.User, proof.Id));
            }
        }
    }

    /// <summary>A link proof whose answer (the reply, or the edit of a deferral when the machine is slow) reaches "Discord", but no response comes back: the bot dies waiting for it.</summary>
    private sealed record HeldProof(string User, JsonObject Interaction)
    {
        public string Id => (string)Interaction["id"]!;

        private string Token => (string)Interaction["token"]!;

        public static HeldProof For(string user) => new(user, KillWorld.LinkProof(user));

        public bool CarriesTheAnswer(RecordedRequest r) =>
            (r.Path.Contains($"/interactions/{Id}/", StringComparison.Ordinal) && !r.Body.Contains("\"type\":5", StringComparison.Ordinal))
            || (r.Method == "PATCH" && r.Path.Contains(Token, StringComparison.Ordinal));

        public bool ToldItWasSaved(FakeDiscord discord) => discord.Requests.Any(r => r.Body.Contains("saved just before the bot restarted", StringComparison.Ordinal)
            && (r.Path.Contains(User, StringComparison.Ordinal) || r.Path.Contains(Token, StringComparison.Ordinal)));
    }
}
