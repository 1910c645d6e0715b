using System.Text.Json.Nodes;
using CohortBot.Slack.SocketMode;
using CohortBot.Slack.Tests.Commands;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Slack.Tests.SocketMode;

/// <summary>
/// The Socket Mode client against the fake over in-memory sockets, on a test clock: connecting,
/// acknowledgement deadlines, hello timeouts, disconnects, drops and back-offs happen when the
/// test moves time, never by waiting for it.
/// </summary>
public sealed class SocketModeTests
{
    [Fact]
    public async Task Connects_WithTheAppTokenInTheHeaderOnly()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();

        var open = Assert.Single(fake.CallsTo("apps.connections.open"));
        Assert.Equal("Bearer " + FakeSlack.AppToken, open.Authorization);
        Assert.DoesNotContain("xapp-", open.Parameters.ToText());
        Assert.Equal(1, bot.Status.OpenSockets);
    }

    [Fact]
    public async Task ASlowUsersInfo_DoesNotDelayTheAnswer_ThatRidesOnTheAck()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        var slowSlack = new CohortBot.Fakes.Gate();
        fake.UsersInfoHold = slowSlack;

        var id = await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "help"), acceptsResponsePayload: true);
        var ack = await fake.AckFor(id);

        // Answered in the acknowledgement while the look-up it started is still waiting for Slack.
        Assert.Contains("/cohort submit", ack.Ack["payload"]!.ToText());
        await slowSlack.HeldAsync();
        Assert.Single(fake.CallsTo("users.info"));
        slowSlack.Open();
    }

    [Fact]
    public async Task ASlowCommand_IsAckedEmptyWithinThreeSeconds_AndAnsweredLater()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        // Another process (an export, a backup) holds the database's write lock: neither the proof
        // nor the delivery's inbox row can be saved yet.
        var path = bot.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;
        await using var other = new SqliteConnection($"Data Source={path}");
        await other.OpenAsync();
        await using var lockHolder = other.BeginTransaction(deferred: false);
        await using (var write = other.CreateCommand())
        {
            write.Transaction = lockHolder;
            write.CommandText = "UPDATE cohorts SET name = name";
            await write.ExecuteNonQueryAsync();
        }

        var sentAt = bot.Clock.GetUtcNow();
        var id = await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "submit 1 https://example.com/slow", responseId: "slow"), acceptsResponsePayload: true);
        // The answer may ride on the acknowledgement until the budget (1.5 s); then the bot waits for
        // the inbox row as long as the window allows (2.5 s, Slack's 3 s less the ack's own way).
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1.5), "the ack budget");
        Assert.Null(fake.Envelopes.Find(id)!.AckAt);
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1), "the end of the acknowledgement window");
        var ack = await fake.AckFor(id);

        Assert.Equal(TimeSpan.FromSeconds(2.5), ack.At - sentAt);
        Assert.Null(ack.Ack["payload"]);
        await lockHolder.RollbackAsync();
        var late = await fake.WaitForResponsePostAsync("slow");
        Assert.Contains("proof received", late.ToText());
        Assert.Equal(1, (await bot.LatestSubmissionAsync("U1", 1))!.Attempt);
    }

    [Fact]
    public async Task ACommandSlowerThanTheBudget_ButKeptInTheInbox_IsAckedEmptyAtTheBudget()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        var slowSlack = new CohortBot.Fakes.Gate();
        fake.ViewsOpenHold = slowSlack;

        // A proof without a link opens the form; views.open is held at Slack, so no answer is ready.
        var sentAt = bot.Clock.GetUtcNow();
        var id = await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "submit 1", responseId: "held"), acceptsResponsePayload: true);
        await slowSlack.HeldAsync();
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1.5), "the ack budget");
        var ack = await fake.AckFor(id);

        Assert.Equal(TimeSpan.FromSeconds(1.5), ack.At - sentAt);
        Assert.Null(ack.Ack["payload"]);
        slowSlack.Open();
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    [InlineData("too_many_websockets")]
    public async Task Disconnect_OpensTheNewSocketBeforeClosingTheOld_LosingNoEnvelope(string reason)
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var first = await fake.NextSocketAsync();

        // Mid-week: a proof goes in on the first socket.
        var before = await SlashCommandTests.SlashAsync(fake, first, "submit 1 https://example.com/a");
        Assert.Contains("proof received", before["payload"]!.ToText());

        await first.DisconnectAsync(reason);
        // Slack may still deliver on the old socket until it closes; that envelope must be answered there.
        var onOld = await first.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "rsvp oh-1"), acceptsResponsePayload: true);
        var second = await fake.NextSocketAsync();
        Assert.True(first.IsOpen || (await fake.AckFor(onOld)).SocketId == first.Id, "the old socket closed before the new one said hello");

        var oldAck = await fake.AckFor(onOld);
        Assert.Equal(first.Id, oldAck.SocketId);
        Assert.Contains("You're going to", oldAck.Ack["payload"]!.ToText());
        await first.Closed.WaitAsync(FakeSlack.Wait);

        var after = await SlashCommandTests.SlashAsync(fake, second, "progress");
        Assert.Contains("Weeks (1/1 submitted)", after["payload"]!.ToText());
        Assert.Contains("going", after["payload"]!.ToText());
        Assert.Equal(2, fake.ConnectionsOpened);
        Assert.Equal(SlackConnectionState.Connected, bot.Status.State);
    }

    [Fact]
    public async Task LinkDisabled_StopsWithoutReconnecting()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        await socket.DisconnectAsync("link_disabled");

        await bot.WaitForStateAsync(SlackConnectionState.Disabled);
        await socket.Closed.WaitAsync(FakeSlack.Wait);
        // The service has ended (no reconnect loop left to run), having opened one connection.
        var service = bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SocketModeService>().Single();
        await service.ExecuteTask!.WaitAsync(FakeSlack.Wait);
        Assert.Equal(1, fake.ConnectionsOpened);
    }

    [Fact]
    public async Task DroppedSocket_Reconnects_AfterABackOffThatGrowsWithEachFailedOpen()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();
        fake.Failures["apps.connections.open"] = "internal_error";

        socket.Abort();
        await bot.WaitForStateAsync(SlackConnectionState.Reconnecting);
        var waits = new List<TimeSpan>();
        for (var failed = 1; failed <= 3; failed++)
        {
            var opened = fake.ConnectionsOpened;
            waits.Add(await bot.SkipReconnectWaitAsync());
            await fake.EventuallyAsync(() => fake.ConnectionsOpened > opened ? "yes" : null, "another apps.connections.open");
        }

        Assert.NotEqual(SlackConnectionState.Connected, bot.Status.State);
        fake.Failures.TryRemove("apps.connections.open", out _);
        waits.Add(await bot.SkipReconnectWaitAsync());
        var next = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();

        // Equal jitter: each wait lies between half its ceiling and all of it, the ceiling doubling up to the maximum.
        for (var i = 0; i < waits.Count; i++)
        {
            var ceiling = TimeSpan.FromTicks(Math.Min(SlackBot.ReconnectMax.Ticks, SlackBot.ReconnectBase.Ticks << i));
            Assert.InRange(waits[i], ceiling / 2, ceiling);
        }

        Assert.Equal(5, fake.ConnectionsOpened);
        Assert.Equal(2, bot.Connector.Attempts);
        Assert.NotNull((await SlashCommandTests.SlashAsync(fake, next, "help"))["payload"]);
    }

    [Fact]
    public async Task AnUnreachableSocketUrl_IsRetriedAfterTheBackOff_WithAFreshTicket()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();
        bot.Connector.Refuse = true;

        socket.Abort();
        await bot.SkipReconnectWaitAsync();
        await bot.Logs.WaitForAsync(e => e.Message.Contains("Could not connect to Slack Socket Mode", StringComparison.Ordinal), "the failed connection logged");
        bot.Connector.Refuse = false;
        await bot.SkipReconnectWaitAsync();
        var next = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();

        Assert.Equal(3, bot.Connector.Attempts);
        Assert.Equal(3, fake.ConnectionsOpened);
        Assert.Equal(3, next.Id);
    }

    [Fact]
    public async Task NoHello_WithinTheHelloTimeout_TheSocketIsGivenUp_AndAnotherOpenedAfterTheBackOff()
    {
        var clock = new TestClock();
        await using var fake = await FakeSlack.StartAsync(clock);
        fake.WithholdHello = true;
        await using var bot = await SlackBot.StartAsync(fake);
        var silent = await fake.NextSocketAsync();

        await bot.Clock.FireAsync(SlackBot.HelloTimeout, "the hello timeout");
        await silent.Closed.WaitAsync(FakeSlack.Wait);
        await bot.WaitForStateAsync(SlackConnectionState.Reconnecting);
        fake.WithholdHello = false;
        await bot.SkipReconnectWaitAsync();
        var next = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();

        Assert.Equal(2, fake.ConnectionsOpened);
        Assert.Equal(1, bot.Status.OpenSockets);
        Assert.Equal(clock.GetUtcNow(), bot.Status.ConnectedSince);
        Assert.NotNull((await SlashCommandTests.SlashAsync(fake, next, "help"))["payload"]);
    }

    [Fact]
    public async Task Stopping_ClosesTheSocketWithACloseFrame()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();
        var status = bot.Status;

        await bot.DisposeAsync();

        await socket.Closed.WaitAsync(FakeSlack.Wait);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.Equal(SlackConnectionState.Stopped, status.State);
        Assert.Equal(0, status.OpenSockets);
    }

    [Fact]
    public async Task RetriedEnvelope_IsProcessedOnce_ButAckedEachTime()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        var payload = Payloads.Slash(fake, "submit 1 https://example.com/once");

        var firstAck = await fake.AckFor(await socket.SendEnvelopeAsync("slash_commands", payload, true, envelopeId: "env-retry"));
        var retried = await socket.SendEnvelopeAsync("slash_commands", payload, true, envelopeId: "env-retry-2", retryAttempt: 1);
        var retryAck = await fake.AckFor(retried);

        Assert.NotNull(firstAck.Ack["payload"]);
        Assert.Null(retryAck.Ack["payload"]);
        Assert.Equal(1, (await bot.LatestSubmissionAsync("U1", 1))!.Attempt);
    }

    [Fact]
    public async Task MalformedFrames_AndUnknownTypes_DoNotBreakTheSocket()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        await socket.SendRawAsync("{not json");
        await socket.SendRawAsync("[1,2,3]");
        await socket.SendAsync(new JsonObject { ["type"] = "slash_commands" });
        var events = await socket.SendEnvelopeAsync("events_api", new JsonObject { ["event_id"] = "Ev1", ["event"] = new JsonObject { ["type"] = "app_mention" } }, false, retryAttempt: 0);
        Assert.Null((await fake.AckFor(events)).Ack["payload"]);

        Assert.NotNull((await SlashCommandTests.SlashAsync(fake, socket, "help"))["payload"]);
        Assert.True(socket.IsOpen);
        Assert.Equal(1, fake.ConnectionsOpened);
    }
}
