using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CohortBot.Slack.Http;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Slack.Tests.Http;

/// <summary>The optional HTTP transport: signed requests are served by the same handlers; others get 401.</summary>
public sealed class HttpModeTests
{
    private const string Secret = "test-signing-secret";

    [Fact]
    public async Task SignedSlashCommand_IsAnsweredInTheResponseBody()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await StartAsync(fake);
        using var http = new HttpClient { BaseAddress = BaseOf(bot) };

        var body = "user_id=U9&user_name=grace&channel_id=C1&command=%2Fcohort&text=rsvp+oh-1&trigger_id=t.1&response_url=" + Uri.EscapeDataString(fake.ResponseUrl("h1"));
        using var response = await http.SendAsync(Signed("slack/commands", body, bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", json["response_type"]!.ToString());
        Assert.Contains("You're going to", json.ToText());
        Assert.Empty(fake.CallsTo("apps.connections.open"));
    }

    [Fact]
    public async Task TamperedStaleOrUnsigned_AreRefusedWith401()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await StartAsync(fake);
        using var http = new HttpClient { BaseAddress = BaseOf(bot) };
        var body = "user_id=U9&text=help&trigger_id=t.2";
        var now = bot.Clock.GetUtcNow();

        var tampered = Signed("slack/commands", body, now);
        tampered.Content = new StringContent(body + "x", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var r1 = await http.SendAsync(tampered);
        using var r2 = await http.SendAsync(Signed("slack/commands", body, now.AddMinutes(-6)));
        using var r3 = await http.PostAsync("slack/commands", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Unauthorized, r1.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, r2.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, r3.StatusCode);
        Assert.Empty(fake.CallsTo("users.info"));
    }

    [Fact]
    public async Task SignedButMalformedInteractivity_Is400()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await StartAsync(fake);
        using var http = new HttpClient { BaseAddress = BaseOf(bot) };

        using var response = await http.SendAsync(Signed("slack/interactivity", "payload=%7Bnot+json", bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignedButtonPress_IsAckedEmpty_AndAnsweredThroughResponseUrl()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await StartAsync(fake);
        using var http = new HttpClient { BaseAddress = BaseOf(bot) };
        var payload = Payloads.BlockAction(fake, "rsvp?event=tt-1", user: "U9", responseId: "hb");

        using var response = await http.SendAsync(Signed("slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Contains("You're going to Tech talk", (await fake.WaitForResponsePostAsync("hb")).ToText());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task SignedRequest_WithAnotherContentType_Is415_AndNotProcessed(string? contentType)
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await StartAsync(fake);
        using var http = new HttpClient { BaseAddress = BaseOf(bot) };
        var body = "user_id=U9&user_name=grace&channel_id=C1&command=%2Fcohort&text=rsvp+oh-1&trigger_id=t.3&response_url=" + Uri.EscapeDataString(fake.ResponseUrl("h3"));
        var request = Signed("slack/commands", body, bot.Clock.GetUtcNow());
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(await bot.LatestSubmissionAsync("U9", 1));
        Assert.Empty(fake.CallsTo("users.info"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverTheLimit_Is413_Quietly(bool chunked)
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await StartAsync(fake);
        using var http = new HttpClient { BaseAddress = BaseOf(bot) };
        var body = "text=" + new string('a', 1024 * 1024 + 10);
        var content = chunked
            ? (HttpContent)new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/commands") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        using var response = await http.SendAsync(request);
        using var after = await http.SendAsync(Signed("slack/commands", "user_id=U9&text=help&trigger_id=t.4", bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    private static Task<SlackBot> StartAsync(FakeSlack fake) => SlackBot.StartAsync(fake, s =>
    {
        s["Slack:AppToken"] = null;
        s["Slack:SigningSecret"] = Secret;
        s["Slack:Http:Enabled"] = "true";
        s["Slack:Http:Urls"] = "http://127.0.0.1:0";
    });

    private static Uri BaseOf(SlackBot bot) =>
        new(bot.Services.GetRequiredService<SlackHttpService>().Urls.First().TrimEnd('/') + "/");

    private static HttpRequestMessage Signed(string path, string body, DateTimeOffset at)
    {
        var ts = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}
