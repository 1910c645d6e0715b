using CohortBot.Fakes;
using CohortBot.Fakes.Slack;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Testing;

namespace CohortBot.Slack.Tests.Commands;

/// <summary>
/// Three hundred people the bot has never seen submit at once while users.info allows 100 calls a
/// minute. On a fake clock shared with the fake Slack (it never moves, so nothing can be "late but
/// fast enough"): every one is answered in the acknowledgement itself, and nobody is looked up twice.
/// </summary>
public sealed class NewUserBurstTests
{
    private const int People = 300;

    [Fact]
    public async Task ThreeHundredNewPeople_AreAllAnsweredInTheAck_AndEachIsLookedUpAtMostOnce()
    {
        var clock = new TestClock();
        await using var fake = await FakeSlack.StartAsync(clock);
        fake.Envelopes.EnforceRules = true;
        fake.MethodLimits["users.info"] = new SlidingWindowLimit(clock, 100, TimeSpan.FromMinutes(1));
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();

        var envelopes = new List<string>();
        for (var i = 0; i < People; i++)
        {
            var user = "UNEW" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            envelopes.Add(await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "submit 1 https://example.com/proof/" + user, user, responseId: "r-" + user), acceptsResponsePayload: true));
        }

        foreach (var id in envelopes)
        {
            var ack = await fake.AckFor(id);
            Assert.Contains("proof received", ack.Ack["payload"]!.ToText());
        }

        Assert.All(envelopes.Select(id => fake.Envelopes.Find(id)!), e => Assert.True(e.AckHadPayload));
        // 300 look-ups were due and 100 are allowed a minute: the bot paces them itself, in the
        // background, never asking twice for the same person and never drawing a 429.
        await fake.EventuallyAsync(() => fake.UsersInfoCalls.Count == 100 ? "yes" : null, "the first minute's 100 look-ups");
        clock.Advance(TimeSpan.FromMinutes(1));
        await fake.EventuallyAsync(() => fake.UsersInfoCalls.Count == 200 ? "yes" : null, "the second minute's 100 look-ups");
        Assert.All(fake.UsersInfoCalls.Values, calls => Assert.Equal(1, calls));
        Assert.Equal(0, fake.Traffic.Total("429:users.info"));
    }
}
