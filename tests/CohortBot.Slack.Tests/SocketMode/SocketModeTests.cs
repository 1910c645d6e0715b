using System.Diagnostics;
using System.Text.Json.Nodes;
using CohortBot.Slack.SocketMode;
using CohortBot.Slack.Tests.Commands;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Slack.Tests.SocketMode;

/// <summary>The Socket Mode client against the fake: connecting, acks, disconnects, drops and retries.</summary>
public sealed class SocketModeTests
{
    [Fact]
    public async Task Connects_WithTheAppTokenInTheHeaderOnly()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(fake);
        await fake.NextSocketAsync();
        await host.WaitConnectedAsync();

        var open = Assert.Single(fake.CallsTo("apps.connections.open"));
        Assert.Equal("Bearer " + FakeSlack.AppToken, open.Authorization);
        Assert.DoesNotContain("xapp-", open.Parameters.ToText());
        Assert.Equal(1, host.Status.OpenSockets);
    }

    [Fact]
    public async Task ASlowUsersInfo_DoesNotDelayTheAnswer_ThatRidesOnTheAck()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(fake);
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
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        // Another process (an export, a backup) holds the database's write lock: the proof cannot be saved yet.
        var path = host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;
        await using var other = new SqliteConnection($"Data Source={path}");
        await other.OpenAsync();
        await using var lockHolder = other.BeginTransaction(deferred: false);
        await using (var write = other.CreateCommand())
        {
            write.Transaction = lockHolder;
            write.CommandText = "UPDATE cohorts SET name = name";
            await write.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        var id = await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "submit 1 https://example.com/slow", responseId: "slow"), acceptsResponsePayload: true);
        var ack = await fake.AckFor(id);
        var ackedAfter = watch.Elapsed;

        Assert.True(ackedAfter < TimeSpan.FromSeconds(3), $"acked after {ackedAfter}");
        Assert.Null(ack.Ack["payload"]);
        await lockHolder.RollbackAsync();
        var late = await fake.WaitForResponsePostAsync("slow");
        Assert.Contains("proof received", late.ToText());
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    [InlineData("too_many_websockets")]
    public async Task Disconnect_OpensTheNewSocketBeforeClosingTheOld_LosingNoEnvelope(string reason)
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(fake);
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
        Assert.Equal(SlackConnectionState.Connected, host.Status.State);
    }

    [Fact]
    public async Task LinkDisabled_StopsWithoutReconnecting()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        await socket.DisconnectAsync("link_disabled");

        await host.WaitForStateAsync(SlackConnectionState.Disabled);
        await socket.Closed.WaitAsync(FakeSlack.Wait);
        // The service has ended (no reconnect loop left to run), having opened one connection.
        var service = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SocketModeService>().Single();
        await service.ExecuteTask!.WaitAsync(FakeSlack.Wait);
        Assert.Equal(1, fake.ConnectionsOpened);
    }

    [Fact]
    public async Task DroppedSocket_Reconnects_AndFailedOpensAreRetried()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        fake.RateLimited["apps.connections.open"] = 0;
        fake.Failures["apps.connections.open"] = "internal_error";

        socket.Abort();
        await fake.EventuallyAsync(() => fake.ConnectionsOpened >= 3 ? "yes" : null, "retries of apps.connections.open");
        Assert.NotEqual(SlackConnectionState.Connected, host.Status.State);
        fake.Failures.TryRemove("apps.connections.open", out _);

        var next = await fake.NextSocketAsync();
        await host.WaitConnectedAsync();
        Assert.NotNull((await SlashCommandTests.SlashAsync(fake, next, "help"))["payload"]);
    }

    [Fact]
    public async Task RetriedEnvelope_IsProcessedOnce_ButAckedEachTime()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        var payload = Payloads.Slash(fake, "submit 1 https://example.com/once");

        var firstAck = await fake.AckFor(await socket.SendEnvelopeAsync("slash_commands", payload, true, envelopeId: "env-retry"));
        var retried = await socket.SendEnvelopeAsync("slash_commands", payload, true, envelopeId: "env-retry-2", retryAttempt: 1);
        var retryAck = await fake.AckFor(retried);

        Assert.NotNull(firstAck.Ack["payload"]);
        Assert.Null(retryAck.Ack["payload"]);
        Assert.Equal(1, (await host.LatestSubmissionAsync("U1", 1))!.Attempt);
    }

    [Fact]
    public async Task MalformedFrames_AndUnknownTypes_DoNotBreakTheSocket()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(fake);
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
