using CohortBot.Core.Fetching;
using CohortBot.Discord.Gateway;
using CohortBot.Discord.Tests.Fakes;

namespace CohortBot.Discord.Tests.Interactions;

/// <summary>
/// Attachment URLs come from the payload, so they are fetched only from the configured file hosts
/// (Discord's CDN by default; the fake's here), never through a redirect elsewhere and never from
/// an address on the inside unless configured.
/// </summary>
public sealed class AttachmentSafetyTests
{
    [Fact]
    public async Task AttachmentOnAnotherHost_IsNotFetched_AndTheReplyIsPolite()
    {
        await using var inside = await FakeDiscord.StartAsync(new TestClock()); // stands for any service on the bot's network
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        inside.CdnFiles["secret.png"] = Payloads.Png();

        var reply = await SubmitAsync(fake, inside.CdnUrl("secret.png"));

        Assert.Contains("I couldn't read that file", reply, StringComparison.Ordinal);
        Assert.Empty(inside.CdnHits);
        Assert.Empty(await bot.SubmissionsOfAsync(Payloads.UserId));
        Assert.Contains(bot.Logs.Lines, m => m.Contains("Attachment from " + inside.BaseUrl + " refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedirectOffTheFileHost_IsNotFollowed()
    {
        await using var inside = await FakeDiscord.StartAsync(new TestClock());
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        inside.CdnFiles["secret.png"] = Payloads.Png();
        fake.CdnRedirects["proof.png"] = inside.CdnUrl("secret.png");

        var reply = await SubmitAsync(fake, fake.CdnUrl("proof.png"));

        Assert.Contains("I couldn't read that file", reply, StringComparison.Ordinal);
        Assert.Equal(["proof.png"], fake.CdnHits);
        Assert.Empty(inside.CdnHits);
        Assert.Empty(await bot.SubmissionsOfAsync(Payloads.UserId));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://127.0.0.1:70/x")]
    [InlineData("http://[::1")]
    public async Task RedirectToAnotherScheme_OrToGarbage_IsAPoliteRefusal_NotACrash(string location)
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.CdnRedirects["proof.png"] = location;

        var reply = await SubmitAsync(fake, fake.CdnUrl("proof.png"));

        Assert.Contains("I couldn't read that file", reply, StringComparison.Ordinal);
        Assert.Empty(await bot.SubmissionsOfAsync(Payloads.UserId));
    }

    [Fact]
    public async Task RedirectWithinTheFileHost_IsFollowed()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.CdnFiles["real.png"] = Payloads.Png();
        fake.CdnRedirects["proof.png"] = "/cdn/attachments/real.png";

        var reply = await SubmitAsync(fake, fake.CdnUrl("proof.png"));

        Assert.DoesNotContain("couldn't read", reply, StringComparison.Ordinal);
        Assert.Single(await bot.SubmissionsOfAsync(Payloads.UserId));
    }

    [Fact]
    public async Task AllowedHostName_ThatResolvesToLoopback_IsRefusedAtConnectTime_UnlessConfigured()
    {
        var fake = await FakeDiscord.StartAsync(new TestClock());
        var byName = fake.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:Attachments:AllowedHosts:0"] = byName,
            ["Discord:Attachments:AllowPrivateAddresses"] = "false",
        });
        await using var _ = fake;
        await using var __ = bot;
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        fake.CdnFiles["proof.png"] = Payloads.Png();

        var reply = await SubmitAsync(fake, byName + "/cdn/attachments/proof.png");

        Assert.Contains("I couldn't read that file", reply, StringComparison.Ordinal);
        Assert.Empty(fake.CdnHits);
        Assert.Contains(bot.Logs.Lines, m => m.Contains("resolves only to loopback, private or link-local addresses", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://cdn.discordapp.com/attachments/1/2/proof.png?ex=1&is=2&hm=3", true)]
    [InlineData("https://media.discordapp.net/attachments/1/2/proof.png", true)]
    [InlineData("https://CDN.DISCORDAPP.COM/attachments/1/2/proof.png", true)]
    [InlineData("http://cdn.discordapp.com/attachments/1/2/proof.png", false)]
    [InlineData("https://cdn.discordapp.com:8443/attachments/1/2/proof.png", false)]
    [InlineData("https://cdn.discordapp.com.evil.example/proof.png", false)]
    [InlineData("https://evil.example/cdn.discordapp.com/proof.png", false)]
    [InlineData("https://user@cdn.discordapp.com/proof.png", false)]
    [InlineData("https://127.0.0.1/proof.png", false)]
    [InlineData("file:///etc/passwd", false)]
    public void DefaultPolicy_IsDiscordsCdnHostsOverHttps(string url, bool allowed)
    {
        var policy = new DiscordOptions().Attachments.Policy();

        Assert.Equal(allowed, policy.Allows(new Uri(url)));
        Assert.False(policy.AllowsPrivateAddress("cdn.discordapp.com", 443));
    }

    [Fact]
    public void AMisspeltAllowedHost_StopsStartWithTheKeyNamed()
    {
        var options = new DiscordOptions { Token = "t", ApplicationId = "1" };
        options.Attachments.AllowedHosts.Add("https://cdn.discordapp.com/attachments");

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("Discord:Attachments:AllowedHosts has 'https://cdn.discordapp.com/attachments'", StringComparison.Ordinal));
    }

    private static async Task<(FakeDiscord Fake, DiscordBot Bot)> StartAsync()
    {
        var fake = await FakeDiscord.StartAsync(new TestClock());
        var bot = await DiscordBot.StartAsync(fake);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        return (fake, bot);
    }

    private static async Task<string> SubmitAsync(FakeDiscord fake, string url)
    {
        var interaction = Payloads.CommandWithResolved("submit",
            Payloads.Attachments("1", "proof.png", url, 67),
            Payloads.Option("week", 4, 1), Payloads.Option("file", 11, "1"));
        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        var callback = await Sent.CallbackAsync(fake, interaction);
        if ((int)callback.Json!["type"]! == 5)
        {
            // Deferred: the answer is the edit of the original response.
            return Sent.Description((await Sent.EditAsync(fake, interaction)).Json!);
        }

        return Sent.Description(callback.Json!["data"]!);
    }
}
