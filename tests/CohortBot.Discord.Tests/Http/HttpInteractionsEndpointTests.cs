using System.Globalization;
using System.Net;
using System.Text;
using CohortBot.Discord.Http;
using CohortBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Discord.Tests.Http;

public sealed class HttpInteractionsEndpointTests
{
    private static async Task<(FakeDiscord Fake, DiscordBot Bot, HttpClient Client)> StartAsync()
    {
        var fake = await FakeDiscord.StartAsync(new TestClock());
        var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?>
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
        timestamp ??= TestClock.DefaultStart.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
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
        var stale = TestClock.DefaultStart.AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

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
        var callback = await Sent.CallbackAsync(fake, interaction);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.Contains("Coming up in Test Cohort", Sent.Description(callback.Json!["data"]!));
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task SignedRequest_WithAnotherContentType_Is415_AndNotProcessed(string? contentType)
    {
        var (fake, bot, client) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        using var ___ = client;
        var interaction = Payloads.Command("deadlines");
        using var request = Signed(interaction.ToJsonString());
        request.Content = new ByteArrayContent(await request.Content!.ReadAsByteArrayAsync());
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await client.SendAsync(request);
        using var ping = await client.SendAsync(Signed("{\"type\":1}"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.DoesNotContain(fake.Requests, r => r.ApiPath.EndsWith("/callback", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverTheLimit_Is413_Quietly(bool chunked)
    {
        var (fake, bot, client) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        using var ___ = client;
        var body = Encoding.UTF8.GetBytes("{\"type\":1,\"pad\":\"" + new string('x', 1024 * 1024) + "\"}");
        var content = chunked ? (HttpContent)new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await client.SendAsync(request);
        using var ping = await client.SendAsync(Signed("{\"type\":1}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
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
