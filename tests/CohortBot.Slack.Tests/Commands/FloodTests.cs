using System.Globalization;
using CohortBot.Core.Flood;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.Tests.Commands;

/// <summary>
/// The per-person flood limit on Slack, over the fake's Socket Mode, through the adapter runtime,
/// the real core and SQLite. The bot and the fake share a fake clock that never moves: no token
/// refills during the test, and every answer that comes at all comes in the acknowledgement.
/// </summary>
public sealed class FloodTests
{
    private const string SlowDown = "faster than I can take them";

    [Fact]
    public async Task HundredSubmitsInASecond_FromOneSlackUser_StopAtTheLimit_PolitelyAndStoringNothing_AnotherUserUndelayed()
    {
        var clock = new TestClock();
        await using var fake = await FakeSlack.StartAsync(clock);
        await using var bot = await SlackBot.StartAsync(fake);
        var burst = bot.Services.GetRequiredService<IOptions<FloodOptions>>().Value.Burst;
        var socket = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();

        var flood = new List<string>();
        string? other = null;
        for (var i = 0; i < 100; i++)
        {
            if (i == 50)
            {
                other = await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "submit 1 https://coursera.org/verify/ADA", "UADA", responseId: "ada"), acceptsResponsePayload: true);
            }

            var n = i.ToString(CultureInfo.InvariantCulture);
            flood.Add(await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "submit 1 https://coursera.org/verify/F" + n, "UFLOOD", responseId: "f" + n), acceptsResponsePayload: true));
        }

        var texts = new List<string>();
        foreach (var id in flood)
        {
            texts.Add((await fake.AckFor(id)).Ack["payload"]!.ToText());
        }

        var otherText = (await fake.AckFor(other!)).Ack["payload"]!.ToText();

        Assert.Equal(100 - burst, texts.Count(t => t.Contains(SlowDown, StringComparison.Ordinal)));
        Assert.Equal(burst, texts.Count(t => t.Contains("proof received", StringComparison.Ordinal)));
        Assert.All(flood, id => Assert.Equal(0, fake.Envelopes.Find(id)!.DuplicateAcks)); // one reply each, in the acknowledgement
        Assert.Empty(fake.ResponsePosts); // and no second one later
        Assert.Contains("proof received", otherText, StringComparison.Ordinal);
        Assert.True(fake.Envelopes.Find(other!)!.AckHadPayload); // answered in its own ack, on a clock that never moved
        Assert.Equal(burst, (await bot.LatestSubmissionAsync("UFLOOD", 1))!.Attempt);
        Assert.Equal(burst + 1, await CountAsync(bot, "submissions"));
        Assert.Single(bot.Logs.Lines, l => l.Contains("Flood from slack user UFLOOD", StringComparison.Ordinal));
    }

    private static async Task<long> CountAsync(SlackBot bot, string table)
    {
        await using var db = await bot.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(default);
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
