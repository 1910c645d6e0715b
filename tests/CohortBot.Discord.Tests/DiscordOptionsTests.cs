using CohortBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    private static DiscordOptions Valid() => new() { Token = "t", ApplicationId = "123" };

    [Fact]
    public void ValidOptions_Pass() => Assert.True(new DiscordOptionsValidator().Validate(null, Valid()).Succeeded);

    [Theory]
    [InlineData("Token", "", "Discord:Token")]
    [InlineData("ApplicationId", "abc", "Discord:ApplicationId")]
    [InlineData("GuildId", "my-guild", "Discord:GuildId")]
    [InlineData("ApiBaseUrl", "discord.com/api", "Discord:ApiBaseUrl")]
    [InlineData("DeferAfter", "00:00:03", "Discord:DeferAfter")]
    public void BadValue_IsNamedInTheError(string property, string value, string key)
    {
        var options = Valid();
        var prop = typeof(DiscordOptions).GetProperty(property)!;
        prop.SetValue(options, prop.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage);
    }

    [Fact]
    public void HttpEndpoint_NeedsThePublicKey()
    {
        var options = Valid();
        options.HttpInteractions.Enabled = true;

        Assert.Contains("Discord:PublicKey", new DiscordOptionsValidator().Validate(null, options).FailureMessage);
    }

    [Fact]
    public async Task HostStart_FailsOnMissingToken_WithoutEchoingSecrets()
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?> { ["Discord:Token"] = "", ["Discord:ApplicationId"] = "app" });
        });

        Assert.Contains("Discord:Token", ex.Message);
        Assert.Contains("Discord:ApplicationId", ex.Message);
        Assert.Empty(fake.Requests);
    }
}
