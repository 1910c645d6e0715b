using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Core.Platform;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Slack.WebApi;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Slack.Tests.WebApi;

public sealed class WebApiTests
{
    [Fact]
    public async Task DirectMessage_WaitsOut429_WithoutDropping_AndCachesTheDmChannel()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var platform = bot.Services.GetServices<IChatPlatform>().Single(p => p.Platform == "slack");
        fake.RateLimited["chat.postMessage"] = 1;

        var first = platform.SendDirectAsync("U7", Reply.Success("Seat freed <@channel> & more"), CancellationToken.None);
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1), "the wait for Retry-After: 1");
        await first;
        await platform.SendDirectAsync("U7", new Reply("second"), CancellationToken.None);

        var posts = fake.CallsTo("chat.postMessage");
        Assert.Equal(3, posts.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), posts[1].At - posts[0].At);
        Assert.Equal("DU7", posts[1].Parameters["channel"]!.ToString());
        Assert.Contains("&lt;@channel&gt; &amp; more", posts[1].Parameters["blocks"]!.ToText());
        Assert.Equal("second", posts[2].Parameters["text"]!.ToString());
        Assert.Single(fake.CallsTo("conversations.open"));
        Assert.Equal("DU7", await bot.Services.GetRequiredService<IPlatformStateStore>().GetAsync("slack", "dm:U7", CancellationToken.None));
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task OkFalse_BecomesATypedException_NamingTheError()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        fake.Failures["chat.postMessage"] = "channel_not_found";
        var platform = bot.Services.GetServices<IChatPlatform>().Single(p => p.Platform == "slack");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => platform.SendToChannelAsync("C404", new Reply("hi"), CancellationToken.None));

        Assert.Equal("channel_not_found", ex.Error);
        Assert.Equal("chat.postMessage", ex.Method);
        Assert.DoesNotContain("xoxb", ex.Message);
    }

    [Fact]
    public async Task ChatUpdate_AndEphemeral_CarryTheirRequiredParameters()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var api = bot.Services.GetRequiredService<SlackWebApi>();
        var message = Slack.Rendering.BlockKitRenderer.Render(new Reply("updated"));

        await api.UpdateAsync("C1", "1700000000.000001", message, CancellationToken.None);
        await api.PostEphemeralAsync("C1", "U1", message, CancellationToken.None);

        Assert.Equal("1700000000.000001", fake.CallsTo("chat.update").Single().Parameters["ts"]!.ToString());
        Assert.Equal("U1", fake.CallsTo("chat.postEphemeral").Single().Parameters["user"]!.ToString());
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task BotToken_IsNeverSentToAHostThatIsNotSlack()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var api = bot.Services.GetRequiredService<SlackWebApi>();

        var ex = await Assert.ThrowsAsync<SlackApiException>(() =>
            api.DownloadAsync(new SlackFile("F1", "x.png", 10, new Uri("https://evil.example/files/F1")), Stream.Null, 100, CancellationToken.None));

        Assert.Equal("untrusted_host", ex.Error);
    }

    [Fact]
    public async Task FileDownload_RedirectedOffSlack_IsNotFollowed()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var inside = await FakeSlack.StartAsync(new TestClock()); // any service next to the bot
        await using var bot = await SlackBot.StartAsync(fake);
        var api = bot.Services.GetRequiredService<SlackWebApi>();
        inside.Files["F9"] = [1, 2, 3];
        fake.Files["F1"] = [9, 9, 9];
        fake.FileRedirects["F1"] = new Uri(inside.BaseUrl, "files/F9").ToString();

        var ex = await Assert.ThrowsAsync<SlackApiException>(() =>
            api.DownloadAsync(new SlackFile("F1", "x.png", 3, new Uri(fake.BaseUrl, "files/F1")), Stream.Null, 100, CancellationToken.None));

        Assert.Equal("untrusted_host", ex.Error);
        Assert.Single(fake.Downloads);
        Assert.Empty(inside.Downloads);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://files.slack.com.evil.example/F1")]
    public async Task FileDownload_RedirectedToAnotherSchemeOrHost_IsRefused(string location)
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var api = bot.Services.GetRequiredService<SlackWebApi>();
        fake.Files["F1"] = [9, 9, 9];
        fake.FileRedirects["F1"] = location;

        var ex = await Assert.ThrowsAsync<SlackApiException>(() =>
            api.DownloadAsync(new SlackFile("F1", "x.png", 3, new Uri(fake.BaseUrl, "files/F1")), Stream.Null, 100, CancellationToken.None));

        Assert.Equal("untrusted_host", ex.Error);
    }

    [Fact]
    public void SpecCheck_CatchesUnknownMethodsAndMissingRequiredParameters()
    {
        var missing = new ApiCall("chat.postEphemeral", "application/json", new JsonObject { ["channel"] = "C1", ["text"] = "x" }, "Bearer xoxb-test", DateTimeOffset.UtcNow);
        var unknown = new ApiCall("chat.shout", "application/json", [], "Bearer xoxb-test", DateTimeOffset.UtcNow);
        var noToken = new ApiCall("views.open", "application/json", new JsonObject { ["trigger_id"] = "t", ["view"] = new JsonObject() }, string.Empty, DateTimeOffset.UtcNow);

        Assert.Contains("chat.postEphemeral: required parameter 'user' is missing", SlackWebApiSpec.Problems(missing));
        Assert.Contains("chat.shout: not a method in Slack's Web API description", SlackWebApiSpec.Problems(unknown));
        Assert.Contains("views.open: required parameter 'token' is missing", SlackWebApiSpec.Problems(noToken));

        // Newer than the spec: required arguments from their docs.slack.dev pages.
        var noLength = new ApiCall("files.getUploadURLExternal", "application/x-www-form-urlencoded", new JsonObject { ["filename"] = "a.csv" }, "Bearer xoxb-test", DateTimeOffset.UtcNow);
        var noFiles = new ApiCall("files.completeUploadExternal", "application/x-www-form-urlencoded", new JsonObject { ["channel_id"] = "C1" }, string.Empty, DateTimeOffset.UtcNow);
        Assert.Equal(["files.getUploadURLExternal: required parameter 'length' is missing"], SlackWebApiSpec.Problems(noLength));
        Assert.Equal(["files.completeUploadExternal: required parameter 'token' is missing", "files.completeUploadExternal: required parameter 'files' is missing"], SlackWebApiSpec.Problems(noFiles));
    }
}
