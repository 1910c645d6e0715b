using System.Globalization;
using CohortBot.Discord.Gateway;
using CohortBot.Discord.Tests.Fakes;
using CohortBot.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CohortBot.Discord.Tests.Gateway;

/// <summary>
/// The gateway client against the fake gateway over an in-memory WebSocket, on a test clock:
/// heartbeats, zombie detection, resume, back-off and timeouts happen when the test moves time.
/// </summary>
public sealed class GatewayTests
{
    private static TimeSpan Interval(FakeDiscord fake) => TimeSpan.FromMilliseconds(fake.Gateway.HeartbeatIntervalMs);

    private static async Task<(FakeDiscord Fake, DiscordBot Bot)> ReadyAsync(Action<FakeDiscord>? arrange = null)
    {
        var fake = await FakeDiscord.StartAsync(new TestClock());
        arrange?.Invoke(fake);
        var bot = await DiscordBot.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        return (fake, bot);
    }

    [Fact]
    public async Task Start_DiscoversUrl_IdentifiesWithNoIntents_AndBecomesReady()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;

        var discovery = await fake.WaitForAsync(r => r.ApiPath == "/gateway/bot");
        Assert.Equal("Bot test-token", discovery.Authorization);
        Assert.Equal("DiscordBot (https://github.com/cohortbot/cohortbot, 1.0)", discovery.UserAgent);
        var identify = Assert.Single(fake.Gateway.Identifies);
        Assert.Equal(0, (int)identify["d"]!["intents"]!);
        Assert.Equal("test-token", (string?)identify["d"]!["token"]);
        Assert.NotNull(identify["d"]!["properties"]!["os"]);
        Assert.Contains("connect /gateway", fake.Gateway.Log);
    }

    [Fact]
    public async Task Heartbeats_FollowTheInterval_AndNoneBeforeTimeMoves()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;
        Assert.Equal(0, fake.Gateway.Heartbeats);

        var first = await bot.BeatAsync();
        await bot.WaitUntilAsync(() => bot.Status.HeartbeatAcks == 1, "the first heartbeat's ACK");
        for (var beat = 2; beat <= 4; beat++)
        {
            await bot.Clock.FireAsync(Interval(fake), "heartbeat " + beat);
            await bot.WaitUntilAsync(() => fake.Gateway.Heartbeats == beat && bot.Status.HeartbeatAcks == beat, "heartbeat " + beat + " and its ACK");
        }

        Assert.Equal(Interval(fake), first);
        Assert.Equal(1, fake.Gateway.ConnectionCount);
        Assert.Equal(GatewayConnectionState.Ready, bot.Status.State);
    }

    [Fact]
    public async Task ServerHeartbeatRequest_IsAnsweredAtOnce_WithoutTimeMoving()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;

        await fake.Gateway.SendOpAsync(1, null);

        await bot.WaitUntilAsync(() => fake.Gateway.Heartbeats == 1, "the requested heartbeat");
    }

    [Fact]
    public async Task MissingHeartbeatAck_ClosesTheZombieResumably_AndResumesTheSameSession()
    {
        var (fake, bot) = await ReadyAsync(f => f.Gateway.AckHeartbeats = false);
        await using var _ = fake;
        await using var __ = bot;
        var session = fake.Gateway.CurrentSessionId;

        await bot.BeatAsync();
        await bot.WaitUntilAsync(() => fake.Gateway.Heartbeats == 1, "the unanswered heartbeat");
        await bot.Clock.FireAsync(Interval(fake), "the next heartbeat, which finds no ACK");
        await bot.WaitUntilAsync(() => fake.Gateway.Log.Contains("client-close 4000"), "a close that keeps the session");
        fake.Gateway.AckHeartbeats = true;
        await bot.SkipReconnectWaitAsync();
        await bot.WaitUntilAsync(() => bot.Status.ResumedCount == 1, "the resume");

        var resume = Assert.Single(fake.Gateway.Resumes);
        Assert.Equal(session, (string?)resume["d"]!["session_id"]);
        Assert.Contains("connect /resume", fake.Gateway.Log);
        Assert.Single(fake.Gateway.Identifies);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("zombie", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Op7Reconnect_ResumesWithTheLastSequence_AfterTheBackOff()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;

        await fake.Gateway.SendOpAsync(7, null);
        await bot.SkipReconnectWaitAsync();
        await bot.WaitUntilAsync(() => bot.Status.ResumedCount == 1, "the resume");

        var resume = Assert.Single(fake.Gateway.Resumes);
        Assert.Equal(1, (long)resume["d"]!["seq"]!);
        Assert.Equal("test-token", (string?)resume["d"]!["token"]);
        Assert.Single(fake.Gateway.Identifies);
        // The client closes and reconnects without waiting for the answer, so the fake may log the
        // old connection's close after the resume.
        await bot.WaitUntilAsync(() => fake.Gateway.Log.Contains("client-close 4000"), "the resumable close of the old connection");
    }

    [Fact]
    public async Task InvalidSessionResumable_Resumes()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;

        await fake.Gateway.SendOpAsync(9, true);
        await bot.SkipReconnectWaitAsync();
        await bot.WaitUntilAsync(() => bot.Status.ResumedCount == 1, "the resume");

        Assert.Single(fake.Gateway.Identifies);
    }

    [Fact]
    public async Task InvalidSessionNotResumable_IdentifiesAgainOnTheDiscoveredUrl()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;

        await fake.Gateway.SendOpAsync(9, false);
        await bot.SkipReconnectWaitAsync();
        await bot.WaitUntilAsync(() => fake.Gateway.Identifies.Count == 2, "a second Identify");
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        Assert.Empty(fake.Gateway.Resumes);
        Assert.Equal(2, fake.Gateway.Log.Count(l => l == "connect /gateway"));
        Assert.Single(fake.Requests, r => r.ApiPath == "/gateway/bot");
    }

    [Fact]
    public async Task ServerClose_IsAnsweredWithACloseFrame_ResumableCodesResume_AndSessionTimeoutIdentifiesAfresh()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;

        await fake.Gateway.CloseAsync(4000);
        // RFC 6455: the close frame is answered with one, so Discord sees 4000, not 1006.
        await bot.WaitUntilAsync(() => fake.Gateway.Log.Contains("client-close 4000"), "the answering close frame");
        await bot.SkipReconnectWaitAsync();
        await bot.WaitUntilAsync(() => bot.Status.ResumedCount == 1, "the resume");
        await fake.Gateway.CloseAsync(4009);
        await bot.WaitUntilAsync(() => fake.Gateway.Log.Contains("client-close 4009"), "the answering close frame");
        await bot.SkipReconnectWaitAsync();
        await bot.WaitUntilAsync(() => fake.Gateway.Identifies.Count == 2, "a fresh Identify");

        Assert.Single(fake.Gateway.Resumes);
        Assert.DoesNotContain("dropped", fake.Gateway.Log);
    }

    [Fact]
    public async Task TcpDrop_WithoutCloseFrame_Resumes()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;

        fake.Gateway.Abort();
        await bot.SkipReconnectWaitAsync();

        await bot.WaitUntilAsync(() => bot.Status.ResumedCount == 1, "the resume");
    }

    [Fact]
    public async Task FailedResume_FallsBackToIdentify()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;

        fake.Gateway.ForgetSessions();
        await fake.Gateway.SendOpAsync(7, null);
        await bot.SkipReconnectWaitAsync();
        await bot.WaitUntilAsync(() => !fake.Gateway.Resumes.IsEmpty, "the attempted resume");
        await bot.SkipReconnectWaitAsync();

        await bot.WaitUntilAsync(() => fake.Gateway.Identifies.Count == 2, "a fresh Identify");
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        Assert.Single(fake.Gateway.Resumes);
    }

    [Fact]
    public async Task NoHello_EndsTheConnectionAtTheHelloTimeout_AndConnectsAgain()
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        fake.Gateway.SendHello = false;
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?> { ["Discord:HelloTimeout"] = "00:00:20" });
        await bot.WaitUntilAsync(() => fake.Gateway.ConnectionCount == 1, "the first connection");

        fake.Gateway.SendHello = true;
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(20), "the Hello timeout");
        await bot.SkipReconnectWaitAsync();

        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        Assert.Equal(2, fake.Gateway.ConnectionCount);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task FatalCloseCode_StopsWithoutReconnecting(int code)
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        fake.Gateway.CloseOnIdentify = code;
        await using var bot = await DiscordBot.StartAsync(fake);

        await bot.WaitForStateAsync(GatewayConnectionState.Stopped);
        var gateway = bot.Services.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();
        await gateway.ExecuteTask!.WaitAsync(Eventually.Patience);

        Assert.Equal(1, bot.Connector.Attempts);
        Assert.Contains(code == 4004 ? "Discord:Token" : "", bot.Status.StopReason);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains(code.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("test-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreachableGateway_BacksOffLongerEachTime_AndKeepsTrying()
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        var refused = new CannedResponse(400, """{"message":"nope","code":0}""", new Dictionary<string, string>());
        fake.Enqueue(r => r.ApiPath == "/gateway/bot", refused, refused);
        await using var bot = await DiscordBot.StartAsync(fake);

        await bot.WaitForStateAsync(GatewayConnectionState.Reconnecting);
        var first = bot.Status.RetryIn!.Value;
        await bot.SkipReconnectWaitAsync();
        await bot.WaitUntilAsync(() => bot.Status.RetryIn is not null && fake.Requests.Count(r => r.ApiPath == "/gateway/bot") == 2, "the second back-off");
        var second = bot.Status.RetryIn!.Value;
        await bot.SkipReconnectWaitAsync();

        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        Assert.Equal(3, fake.Requests.Count(r => r.ApiPath == "/gateway/bot"));
        Assert.InRange(first, DiscordBot.ReconnectMin / 2, DiscordBot.ReconnectMin);
        Assert.InRange(second, DiscordBot.ReconnectMin, DiscordBot.ReconnectMin * 2);
    }

    [Fact]
    public async Task MalformedFrame_IsIgnored_AndLaterInteractionsStillWork()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;

        await fake.Gateway.SendRawAsync("{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"d\":{oops");
        await fake.Gateway.SendRawAsync("[1,2,3]");
        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", Payloads.Command("help"));

        var callback = await fake.WaitForAsync(r => r.ApiPath.EndsWith("/callback", StringComparison.Ordinal));
        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.Equal(1, fake.Gateway.ConnectionCount);
    }

    [Fact]
    public async Task SlowHandler_DoesNotBlockHeartbeats_AndIsDeferredThenAnswered()
    {
        var (fake, bot) = await ReadyAsync(f =>
        {
            f.CdnHold = new Gate();
            f.CdnFiles["slow.png"] = Payloads.Png();
        });
        await using var _ = fake;
        await using var __ = bot;

        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", Payloads.CommandWithResolved("submit",
            Payloads.Attachments("1", "slow.png", fake.CdnUrl("slow.png"), 67),
            Payloads.Option("week", 4, 1), Payloads.Option("file", 11, "1")));
        await fake.CdnHold!.HeldAsync();
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1.5), "the deferral deadline");
        var deferral = await fake.WaitForAsync(r => r.ApiPath.EndsWith("/callback", StringComparison.Ordinal));
        // Three beats while the handler still waits; the first is due an interval after Hello, 1.5 s of which have gone.
        await bot.Clock.FireAsync(Interval(fake) - TimeSpan.FromSeconds(1.5), "the first heartbeat");
        for (var beat = 1; beat <= 3; beat++)
        {
            await bot.WaitUntilAsync(() => fake.Gateway.Heartbeats == beat && bot.Status.HeartbeatAcks == beat, "heartbeat " + beat + " and its ACK");
            if (beat < 3)
            {
                await bot.BeatAsync();
            }
        }

        Assert.Equal(5, (int)deferral.Json!["type"]!);
        Assert.Equal(1, fake.CdnHold.Held);
        fake.CdnHold.Open();
        await bot.WaitUntilAsync(() => fake.Requests.Any(r => r.Method == "PATCH"), "the edit of the deferred answer");
        Assert.Equal(1, fake.Gateway.ConnectionCount);
    }

    [Fact]
    public void GatewayUrl_GetsVersionAndEncoding()
    {
        Assert.Equal("wss://gateway.discord.gg/?v=10&encoding=json", DiscordGatewayService.WithQuery("wss://gateway.discord.gg").ToString());
        Assert.Equal("ws://127.0.0.1:5000/resume?v=10&encoding=json", DiscordGatewayService.WithQuery("ws://127.0.0.1:5000/resume?v=9").ToString());
    }

    [Fact]
    public async Task Health_FollowsTheConnection()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;
        await using var __ = bot;
        var check = new DiscordGatewayHealthCheck(bot.Status);

        var healthy = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, healthy.Status);
    }

    [Fact]
    public async Task SpentIdentifyBudget_WaitsForItsReset_BeforeConnecting()
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        fake.SessionStartLimit = (0, 700_000);
        await using var bot = await DiscordBot.StartAsync(fake);

        await bot.Logs.WaitForAsync(e => e.Message.Contains("daily budget", StringComparison.Ordinal), "the budget warning");
        Assert.Equal(0, bot.Connector.Attempts);
        await bot.Clock.FireAsync(TimeSpan.FromMilliseconds(700_000), "the budget's reset");

        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        Assert.Equal(1, bot.Connector.Attempts);
    }

    [Fact]
    public async Task Stopping_ClosesTheGatewayNormally()
    {
        var (fake, bot) = await ReadyAsync();
        await using var _ = fake;

        await bot.DisposeAsync();

        await Eventually.TrueAsync(() => fake.Gateway.Log.Contains("client-close 1000"), fake.Gateway.Changed, "a normal close on shutdown");
    }
}
