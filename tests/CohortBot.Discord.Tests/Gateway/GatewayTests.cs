using CohortBot.Discord.Gateway;
using CohortBot.Discord.Tests.Fakes;

namespace CohortBot.Discord.Tests.Gateway;

public sealed class GatewayTests
{
    [Fact]
    public async Task Start_DiscoversUrl_IdentifiesWithNoIntents_AndBecomesReady()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await BotHarness.StartAsync(fake);

        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

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
    public async Task Heartbeats_AreSentRepeatedly_WhileAcked()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.Gateway.HeartbeatIntervalMs = 250;
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        await bot.WaitUntilAsync(() => fake.Gateway.Heartbeats >= 4);

        Assert.Equal(1, fake.Gateway.ConnectionCount);
        Assert.Equal(GatewayConnectionState.Ready, bot.Status.State);
    }

    [Fact]
    public async Task ServerHeartbeatRequest_IsAnsweredAtOnce()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.Gateway.HeartbeatIntervalMs = 30_000;
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        var before = fake.Gateway.Heartbeats;

        await fake.Gateway.SendOpAsync(1, null);

        await bot.WaitUntilAsync(() => fake.Gateway.Heartbeats > before, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task MissingHeartbeatAck_DropsZombie_AndResumesSameSession()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.Gateway.HeartbeatIntervalMs = 150;
        fake.Gateway.AckHeartbeats = false;
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        var session = fake.Gateway.CurrentSessionId;

        await bot.WaitUntilAsync(() => !fake.Gateway.Resumes.IsEmpty);
        fake.Gateway.AckHeartbeats = true;
        await bot.WaitUntilAsync(() => bot.Status.ResumedCount >= 1);

        var resume = fake.Gateway.Resumes.First();
        Assert.Equal(session, (string?)resume["d"]!["session_id"]);
        Assert.Contains("connect /resume", fake.Gateway.Log);
        Assert.Single(fake.Gateway.Identifies);
    }

    [Fact]
    public async Task Op7Reconnect_ResumesWithLastSequence()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        await fake.Gateway.SendOpAsync(7, null);
        await bot.WaitUntilAsync(() => bot.Status.ResumedCount == 1);

        var resume = Assert.Single(fake.Gateway.Resumes);
        Assert.Equal(1, (long)resume["d"]!["seq"]!);
        Assert.Equal("test-token", (string?)resume["d"]!["token"]);
        Assert.Single(fake.Gateway.Identifies);
    }

    [Fact]
    public async Task InvalidSessionResumable_Resumes()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        await fake.Gateway.SendOpAsync(9, true);
        await bot.WaitUntilAsync(() => bot.Status.ResumedCount == 1);

        Assert.Single(fake.Gateway.Identifies);
    }

    [Fact]
    public async Task InvalidSessionNotResumable_IdentifiesAgainOnTheDiscoveredUrl()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        await fake.Gateway.SendOpAsync(9, false);
        await bot.WaitUntilAsync(() => fake.Gateway.Identifies.Count == 2);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        Assert.Empty(fake.Gateway.Resumes);
        Assert.Equal(2, fake.Gateway.Log.Count(l => l == "connect /gateway"));
    }

    [Fact]
    public async Task ResumableCloseCode_Resumes_AndSessionTimeout_IdentifiesAfresh()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        await fake.Gateway.CloseAsync(4000);
        await bot.WaitUntilAsync(() => bot.Status.ResumedCount == 1);
        await fake.Gateway.CloseAsync(4009);
        await bot.WaitUntilAsync(() => fake.Gateway.Identifies.Count == 2);

        Assert.Single(fake.Gateway.Resumes);
    }

    [Fact]
    public async Task TcpDrop_WithoutCloseFrame_Resumes()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        fake.Gateway.Abort();
        await bot.WaitUntilAsync(() => bot.Status.ResumedCount == 1);
    }

    [Fact]
    public async Task FailedResume_FallsBackToIdentify()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        fake.Gateway.ForgetSessions();
        await fake.Gateway.SendOpAsync(7, null);

        await bot.WaitUntilAsync(() => fake.Gateway.Identifies.Count == 2);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        Assert.Single(fake.Gateway.Resumes);
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
        await using var fake = await FakeDiscord.StartAsync();
        fake.Gateway.CloseOnIdentify = code;
        await using var bot = await BotHarness.StartAsync(fake);

        await bot.WaitForStateAsync(GatewayConnectionState.Stopped);
        await Task.Delay(400);

        Assert.Equal(1, fake.Gateway.ConnectionCount);
        Assert.Contains(code == 4004 ? "Discord:Token" : "", bot.Status.StopReason);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("test-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreachableGateway_BacksOffAndKeepsTrying()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.Enqueue(r => r.ApiPath == "/gateway/bot", new CannedResponse(400, """{"message":"nope","code":0}""", new Dictionary<string, string>()), new CannedResponse(400, """{"message":"nope","code":0}""", new Dictionary<string, string>()));
        await using var bot = await BotHarness.StartAsync(fake);

        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        Assert.Equal(3, fake.Requests.Count(r => r.ApiPath == "/gateway/bot"));
    }

    [Fact]
    public async Task MalformedFrame_IsIgnored_AndLaterInteractionsStillWork()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await BotHarness.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        await fake.Gateway.SendRawAsync("{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"d\":{oops");
        await fake.Gateway.SendRawAsync("[1,2,3]");
        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", Payloads.Command("help"));

        var callback = await fake.WaitForAsync(r => r.ApiPath.EndsWith("/callback", StringComparison.Ordinal));
        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.Equal(1, fake.Gateway.ConnectionCount);
    }

    [Fact]
    public async Task SlowHandler_DoesNotBlockHeartbeats()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.Gateway.HeartbeatIntervalMs = 250;
        fake.CdnDelay = TimeSpan.FromSeconds(2);
        fake.CdnFiles["slow.png"] = Payloads.Png();
        await using var bot = await BotHarness.StartAsync(fake, new Dictionary<string, string?> { ["Discord:DeferAfter"] = "00:00:01" });
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", Payloads.CommandWithResolved("submit",
            Payloads.Attachments("1", "slow.png", fake.CdnUrl("slow.png"), 67),
            Payloads.Option("week", 4, 1), Payloads.Option("file", 11, "1")));
        var before = fake.Gateway.Heartbeats;
        await Task.Delay(1300);

        Assert.True(fake.Gateway.Heartbeats >= before + 3, $"heartbeats went from {before} to {fake.Gateway.Heartbeats}");
        Assert.Equal(1, fake.Gateway.ConnectionCount);
        await fake.WaitForAsync(r => r.Method == "PATCH");
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
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await BotHarness.StartAsync(fake);
        var check = new DiscordGatewayHealthCheck(bot.Status);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        var healthy = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, healthy.Status);
    }

    [Fact]
    public async Task SpentIdentifyBudget_WaitsForItsReset()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.SessionStartLimit = (0, 700);
        var started = DateTimeOffset.UtcNow;
        await using var bot = await BotHarness.StartAsync(fake);

        await bot.WaitForStateAsync(GatewayConnectionState.Ready);

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(650));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("daily budget", StringComparison.Ordinal));
    }
}
