using System.Text.Json.Nodes;
using CohortBot.Discord.Gateway;
using CohortBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Discord.Tests.Interactions;

/// <summary>The per-person flood limit on Discord, through the gateway, the adapter runtime and the real core.</summary>
public sealed class FloodTests
{
    [Fact]
    public async Task OnePersonFloodingSubmit_IsStoppedPolitely_AnotherPersonIsAnswered_NothingStoredForTheRefused()
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        // No refill during the test: the clock does not move, and a refill would be an hour away anyway.
        await using var bot = await DiscordBot.StartAsync(fake, configure: s => s.Configure<CohortBot.Core.Flood.FloodOptions>(o =>
        {
            o.Burst = 3;
            o.RefillEvery = TimeSpan.FromHours(1);
        }));
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        var texts = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var interaction = Payloads.Command("submit", Payloads.Option("week", 4, 1), Payloads.Option("url", 3, $"https://coursera.org/verify/F{i}"));
            await fake.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
            texts.Add(Sent.Text((await Sent.CallbackAsync(fake, interaction)).Json!["data"]!));
        }

        var other = Payloads.Interaction(2, Payloads.Command("deadlines")["data"]!.DeepClone().AsObject(), userId: "200000000000000099");
        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", other);
        var otherText = Sent.Text((await Sent.CallbackAsync(fake, other)).Json!["data"]!);

        Assert.Equal(5, texts.Count(t => t.Contains("faster than I can take them", StringComparison.Ordinal)));
        Assert.Equal(3, (await bot.SubmissionsOfAsync(Payloads.UserId)).Single(s => s.WeekNumber == 1).Attempt); // three stored, none for the refused
        Assert.DoesNotContain("faster than I can take them", otherText, StringComparison.Ordinal);
        Assert.Single(bot.Logs.Lines, l => l.Contains("Flood from discord user", StringComparison.Ordinal));
    }
}
