using System.Globalization;
using System.Net;
using System.Text;
using CohortBot.Discord.Http;
using CohortBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Discord.Tests.Http;

public sealed class HttpInteractionsEndpointTests
{
    private static async Task<(FakeDiscord Fake, BotHarness Bot, HttpClient Client)> StartAsync()
    {
        var fake = await FakeDiscord.StartAsync();
        var bot = await BotHarness.StartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:HttpInteractions:Enabled"] = "true",
            ["Discord:HttpInteractions:Urls"] = "http://127.0.0.1:0",
            ["Discord:PublicKey"] = SignatureTests.Test1Public,
        });
        var address = bot.Services.GetRequiredService<HttpInteractionsService>().Addresses.Single();
        return (fake, bot, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) });
    }

    private static HttpRequestMessage Signed(string body, string? timestamp = null, Func<string, string>? tamper = null)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureTests.Sign(timestamp, Encoding.UTF8.GetBytes(body));
        var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(tamper?.Invoke(body) ?? body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong()
    {
        var (fake, bot, client) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        using var ___ = client;

        using var response = await client.SendAsync(Signed("{\"type\":1}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"type\":1}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BadStaleOrUnsignedRequests_Get401()
    {
        var (fake, bot, client) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        using var ___ = client;
        var stale = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var tampered = await client.SendAsync(Signed("{\"type\":1}", tamper: b => b.Replace("1", "2", StringComparison.Ordinal)));
        using var old = await client.SendAsync(Signed("{\"type\":1}", stale));
        using var unsigned = await client.PostAsync("/interactions", new StringContent("{\"type\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task Command_IsAccepted_AndAnsweredThroughTheCallbackEndpoint()
    {
        var (fake, bot, client) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        using var ___ = client;
        var interaction = Payloads.Command("deadlines");

        using var response = await client.SendAsync(Signed(interaction.ToJsonString()));
        var callback = await Wire.CallbackAsync(fake, interaction);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.Contains("Coming up in Test Cohort", Wire.Description(callback.Json!["data"]!));
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task SignedGarbage_IsABadRequest_NotACrash()
    {
        var (fake, bot, client) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        using var ___ = client;

        using var garbage = await client.SendAsync(Signed("{not json"));
        using var ping = await client.SendAsync(Signed("{\"type\":1}"));

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
    }
}
