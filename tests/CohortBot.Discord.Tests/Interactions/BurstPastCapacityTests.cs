using CohortBot.Core.Inbound;
using CohortBot.Discord.Gateway;
using CohortBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Discord.Tests.Interactions;

/// <summary>
/// A burst far past what the bot can run at once, on a fake clock shared with a fake Discord that
/// keeps its rules: every interaction is acknowledged inside its 3 seconds (most of them at once,
/// the ones held in memory at their own deadline), and every deferred one is answered afterwards.
/// </summary>
public sealed class BurstPastCapacityTests
{
    private const int Burst = 30;

    [Fact]
    public async Task EveryInteraction_IsAcknowledgedInsideItsWindow_AndEveryDeferredOne_IsAnswered()
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        fake.Interactions.EnforceRules = true;
        fake.Gateway.HeartbeatIntervalMs = 41_250;
        fake.CdnFiles["proof.png"] = Payloads.Png();
        var downloads = new Gate();
        fake.CdnHold = downloads;
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?> { ["Discord:DeferAfter"] = "00:00:01.500" }, services =>
        {
            // Two running, four waiting: the rest of the burst is past capacity.
            services.Configure<InboundOptions>(o =>
            {
                o.Concurrency = 2;
                o.QueueCapacity = 4;
            });
        });
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        var users = Enumerable.Range(0, Burst).Select(i => "1800000000000" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var ids = new List<string>();
        foreach (var user in users)
        {
            var attachment = Payloads.NextId();
            var interaction = Payloads.Interaction(2, Payloads.CommandWithResolved("submit", Payloads.Attachments(attachment, "proof.png", fake.CdnUrl("proof.png"), Payloads.Png().Length),
                Payloads.Option("week", 4, 1), Payloads.Option("file", 11, attachment))["data"]!.DeepClone().AsObject(), user);
            ids.Add((string)interaction["id"]!);
            await fake.Gateway.DispatchInteractionAsync(interaction.ToJsonString(), (string)interaction["id"]!, (string)interaction["token"]!);
        }

        // Without the clock moving, what does not fit in memory is acknowledged at once.
        await bot.WaitUntilAsync(() => Acknowledged(fake, ids) >= Burst - 6, "the acknowledgements of what does not fit");
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1.5), "the deferral deadline of those held in memory");
        await bot.WaitUntilAsync(() => Acknowledged(fake, ids) == Burst, "every acknowledgement");

        var timings = ids.Select(id => fake.Interactions.Find(id)!).ToList();
        Assert.All(timings, t => Assert.True(t.Deferred, "every one of them was deferred"));
        Assert.All(timings, t => Assert.InRange(fake.Interactions.Between(t.SentAt, t.FirstResponseAt!.Value), TimeSpan.Zero, TimeSpan.FromSeconds(3)));
        Assert.All(timings, t => Assert.Equal(0, t.LateCallbacks));

        downloads.Open();
        await bot.WaitUntilAsync(() => timings.All(t => t.FinalAt is not null), "every final answer");
        Assert.All(timings, t => Assert.Equal((0, 0, false), (t.DuplicateCallbacks, t.RefusedWebhooks, t.ErrorReply)));
        foreach (var user in users)
        {
            Assert.Single(await bot.SubmissionsOfAsync(user));
        }
    }

    private static int Acknowledged(FakeDiscord fake, IEnumerable<string> ids) => ids.Count(id => fake.Interactions.Find(id)?.FirstResponseAt is not null);
}
