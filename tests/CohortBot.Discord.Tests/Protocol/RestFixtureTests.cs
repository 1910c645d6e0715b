using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Tests.Protocol;

/// <summary>Every REST answer fixture matches its operation's response schema in Discord's OpenAPI description, and is read into the record.</summary>
public sealed class RestFixtureTests
{
    private static readonly DiscordJsonContext Json = DiscordJson.Context;

    [Fact]
    public void GetGatewayBot_MatchesTheSpec_AndGivesTheUrlAndBudget()
    {
        var text = Fixture.Text("Rest/get_gateway_bot.json");

        Assert.Empty(OpenApiValidator.ValidateResponse("GET", "/gateway/bot", text));
        Assert.True(DiscordJson.TryParse(Fixture.Bytes("Rest/get_gateway_bot.json"), Json.GatewayBotResponse, out var answer));
        Assert.Equal("wss://gateway.discord.gg", answer.Url);
        Assert.Equal(new SessionStartLimit(1000, 999, 14_400_000, 1), answer.SessionStartLimit);
    }

    [Fact]
    public void CreateDm_MatchesTheSpec_AndGivesTheChannel()
    {
        Assert.Empty(OpenApiValidator.ValidateResponse("POST", "/users/@me/channels", Fixture.Text("Rest/create_dm.json")));
        Assert.True(DiscordJson.TryParse(Fixture.Bytes("Rest/create_dm.json"), Json.DiscordChannel, out var channel));
        Assert.Equal(("319674150115610528", 1), (channel.Id, channel.Type));
    }

    [Fact]
    public void CreateMessage_MatchesTheSpec_AndEchoesTheNonce()
    {
        Assert.Empty(OpenApiValidator.ValidateResponse("POST", "/channels/1120000000000000009/messages", Fixture.Text("Rest/create_message.json")));
        Assert.True(DiscordJson.TryParse(Fixture.Bytes("Rest/create_message.json"), Json.DiscordMessage, out var message));
        Assert.Equal(("1120000000000000100", "4617913372018364129"), (message.Id, message.Nonce));
    }

    [Theory]
    [InlineData("Rest/error_cannot_message.json", 50007, null)]
    [InlineData("Rest/rate_limited.json", 0, 64.57)]
    [InlineData("Rest/invalid_form_body.json", 50035, null)]
    public void ErrorBodies_GiveCodeAndRetryAfter(string name, int code, double? retryAfter)
    {
        Assert.True(DiscordJson.TryParse(Fixture.Bytes(name), Json.DiscordError, out var error));
        Assert.Equal((code, retryAfter), (error.Code, error.RetryAfter));
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    [Fact]
    public void AFixtureThatBreaksTheSchema_IsCaught()
    {
        Assert.NotEmpty(OpenApiValidator.ValidateResponse("GET", "/gateway/bot", """{"url":"wss://gateway.discord.gg","shards":"one"}"""));
    }
}
