using System.Text.Json;
using CohortBot.Discord.Interactions;
using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Tests.Protocol;

/// <summary>Every gateway fixture read into the wire records, as the connection reads a frame.</summary>
public sealed class GatewayFixtureTests
{
    private static readonly DiscordJsonContext Json = DiscordJson.Context;

    private static GatewayPayload Frame(string name)
    {
        Assert.True(DiscordJson.TryParse(Fixture.Bytes("Gateway/" + name), Json.GatewayPayload, out var frame), name + " is not a gateway frame");
        return frame;
    }

    [Fact]
    public void Hello_CarriesTheHeartbeatInterval()
    {
        var frame = Frame("hello.json");

        Assert.Equal(GatewayOpcode.Hello, frame.Op);
        Assert.True(DiscordJson.TryParse(frame.D, Json.HelloEvent, out var hello));
        Assert.Equal(45_000, hello.HeartbeatInterval);
        Assert.Null(frame.S);
    }

    [Theory]
    [InlineData("heartbeat_request.json", GatewayOpcode.Heartbeat)]
    [InlineData("heartbeat_ack.json", GatewayOpcode.HeartbeatAck)]
    [InlineData("reconnect.json", GatewayOpcode.Reconnect)]
    [InlineData("invalid_session.json", GatewayOpcode.InvalidSession)]
    public void ControlFrames_AreReadByOpcode(string name, GatewayOpcode op)
    {
        var frame = Frame(name);

        Assert.Equal(op, frame.Op);
        Assert.Null(frame.T);
        Assert.NotEqual(JsonValueKind.True, frame.D.ValueKind);
    }

    [Fact]
    public void Ready_GivesWhatAResumeNeeds_AndIgnoresTheRest()
    {
        var frame = Frame("ready.json");

        Assert.Equal((GatewayOpcode.Dispatch, GatewayEvents.Ready, 1L), (frame.Op, frame.T, frame.S));
        Assert.True(DiscordJson.TryParse(frame.D, Json.ReadyEvent, out var ready));
        Assert.Equal("d2bb0f1b7ab3d1f0a9d2bd1e6f5c3b9e", ready.SessionId);
        Assert.Equal("wss://gateway-us-east1-b.discord.gg", ready.ResumeGatewayUrl);
        Assert.Equal("700000000000000001", ready.Application?.Id);
        Assert.Equal(10, ready.V);
        Assert.True(ready.User?.Bot);
    }

    [Fact]
    public void Resumed_AndUnknownDispatches_AreReadWithTheirSequence()
    {
        Assert.Equal((GatewayEvents.Resumed, 42L), (Frame("resumed.json").T, Frame("resumed.json").S));
        var guild = Frame("guild_create.json");
        Assert.Equal(("GUILD_CREATE", 2L), (guild.T, guild.S));
    }

    [Fact]
    public void InteractionCreate_IsAnInteraction_WithTheMemberAsInvoker()
    {
        var frame = Frame("interaction_create.json");
        Assert.Equal(GatewayEvents.InteractionCreate, frame.T);

        Assert.True(DiscordJson.TryParse(frame.D, Json.Interaction, out var wire));
        var interaction = DiscordInteraction.From(wire)!;

        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(("53908232506183680", "Mason", "ko"), (interaction.User.UserId, interaction.User.DisplayName, interaction.User.Locale));
        Assert.Equal(["539082325061836999"], interaction.User.Roles!);
        Assert.Equal("645027906669510667", interaction.ChannelId);
        Assert.Equal("submit", interaction.Data!.Name);
    }

    [Theory]
    [InlineData("""{"op":"ten","d":{}}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"op":0,"t":"INTERACTION_CREATE","d":{oops""")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":"soon"}}""")]
    public void MalformedFrames_AreRefused_NotThrown(string text)
    {
        var read = DiscordJson.TryParse(System.Text.Encoding.UTF8.GetBytes(text), Json.GatewayPayload, out var frame)
            && (frame.Op != GatewayOpcode.Hello || DiscordJson.TryParse(frame.D, Json.HelloEvent, out _));

        Assert.False(read);
    }

    [Fact]
    public void SentFrames_AreWrittenAsDocumented()
    {
        var identify = DiscordJson.SerializeToString(new GatewayCommand<IdentifyCommand>(GatewayOpcode.Identify, new IdentifyCommand("my_token", 0, new IdentifyProperties("linux", "cohortbot", "cohortbot"))), Json.GatewayCommandIdentifyCommand);
        var resume = DiscordJson.SerializeToString(new GatewayCommand<ResumeCommand>(GatewayOpcode.Resume, new ResumeCommand("randomstring", "evenmorerandomstring", 1337)), Json.GatewayCommandResumeCommand);
        var firstBeat = DiscordJson.SerializeToString(new GatewayCommand<long?>(GatewayOpcode.Heartbeat, null), Json.GatewayCommandNullableInt64);

        Assert.Equal("""{"op":2,"d":{"token":"my_token","intents":0,"properties":{"os":"linux","browser":"cohortbot","device":"cohortbot"}}}""", identify);
        Assert.Equal("""{"op":6,"d":{"token":"randomstring","session_id":"evenmorerandomstring","seq":1337}}""", resume);
        Assert.Equal("""{"op":1,"d":null}""", firstBeat);
    }
}
