using System.Net;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Core.Platform;
using CohortBot.Discord.Rest;
using CohortBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Discord.Tests.Rest;

public sealed class RestClientTests
{
    private static readonly CannedResponse BadGateway = new(502, "<html>bad gateway</html>", new Dictionary<string, string>());

    private static async Task<(FakeDiscord Fake, DiscordBot Bot, IChatPlatform Platform)> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var fake = await FakeDiscord.StartAsync(new TestClock());
        var bot = await DiscordBot.StartAsync(fake, settings, start: false);
        return (fake, bot, bot.Services.GetRequiredService<IChatPlatform>());
    }

    private static Func<RecordedRequest, bool> Messages(string channel) => r => r.Method == "POST" && r.ApiPath == $"/channels/{channel}/messages";

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfter_ThenDeliversExactlyOnce()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.Enqueue(Messages("11"), CannedResponse.TooManyRequests(0.3), CannedResponse.TooManyRequests(0.3));

        var send = platform.SendToChannelAsync("11", Reply.Success("Announcement"), CancellationToken.None);
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(0.3), "the first Retry-After");
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(0.3), "the second Retry-After");
        await send;

        var attempts = fake.Requests.Where(Messages("11")).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Equal(TimeSpan.FromSeconds(0.3), attempts[1].At - attempts[0].At);
        Assert.Equal(TimeSpan.FromSeconds(0.3), attempts[2].At - attempts[1].At);
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task GlobalTooManyRequests_PausesEveryRoute()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.Enqueue(Messages("21"), CannedResponse.TooManyRequests(0.6, global: true));

        var first = platform.SendToChannelAsync("21", Reply.Success("one"), CancellationToken.None);
        var limited = await fake.WaitForAsync(Messages("21"));
        await bot.Clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(0.6), "the global pause");
        var second = platform.SendToChannelAsync("22", Reply.Success("two"), CancellationToken.None);
        // The other route waits for the same pause: a second timer of the same length.
        await bot.Clock.WaitForTimerAsync(d => bot.Clock.Pending.Count(p => p == TimeSpan.FromSeconds(0.6)) == 2, "the other route's wait");
        Assert.DoesNotContain(fake.Requests.ToList(), r => Messages("22")(r));
        bot.Clock.Advance(TimeSpan.FromSeconds(0.6));
        await Task.WhenAll(first, second);

        var other = fake.Requests.Single(Messages("22"));
        Assert.Equal(TimeSpan.FromSeconds(0.6), other.At - limited.At);
        Assert.Equal(2, fake.Requests.Count(Messages("21")));
    }

    [Fact]
    public async Task GlobalLimit_SpreadsABurst_AndDropsNothing()
    {
        var (fake, bot, platform) = await StartAsync(new Dictionary<string, string?> { ["Discord:GlobalRequestsPerSecond"] = "5" });
        await using var _ = fake;
        await using var __ = bot;
        Func<RecordedRequest, bool> burst = r => r.ApiPath.EndsWith("/messages", StringComparison.Ordinal);

        var sends = Task.WhenAll(Enumerable.Range(0, 12).Select(i => platform.SendToChannelAsync((100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Reply.Success("burst " + i), CancellationToken.None)));
        var finished = new Pulse();
        var watch = sends.ContinueWith(_ => finished.Fire(), TaskScheduler.Default);
        // Time moves only when every request that may go has gone and the rest wait on the clock.
        while (!sends.IsCompleted)
        {
            var step = await Eventually.ValueAsync(
                () => sends.IsCompleted ? TimeSpan.Zero : bot.Clock.Pending.Where(d => d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(1)).Select(d => (TimeSpan?)d).FirstOrDefault(),
                [bot.Clock.Timers, fake.Arrived, finished],
                "a waiting request");
            bot.Clock.Advance(step!.Value);
        }

        await sends;
        var times = fake.Requests.Where(burst).Select(r => r.At).Order().ToList();
        Assert.True(times.Count == 12, times.Count + " requests; warnings: " + string.Join("\n", bot.Logs.AtLeast(Microsoft.Extensions.Logging.LogLevel.Warning)));
        for (var i = 0; i + 5 < times.Count; i++)
        {
            Assert.True(times[i + 5] - times[i] >= TimeSpan.FromSeconds(1), $"6 requests within {times[i + 5] - times[i]}");
        }
    }

    [Fact]
    public async Task EmptyBucket_WaitsForReset_PerMajorParameter()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.RateLimitHeaders = r => new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "1",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "0.6",
            ["X-RateLimit-Bucket"] = "messages-bucket",
        };

        await platform.SendToChannelAsync("31", Reply.Success("a"), CancellationToken.None);
        await platform.SendToChannelAsync("32", Reply.Success("other channel, no wait"), CancellationToken.None);
        var again = platform.SendToChannelAsync("31", Reply.Success("b"), CancellationToken.None);
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(0.6), "the bucket's reset");
        await again;

        var first = fake.Requests.Where(Messages("31")).ToList();
        var other = fake.Requests.Single(Messages("32"));
        Assert.Equal(TimeSpan.FromSeconds(0.6), first[1].At - first[0].At);
        Assert.Equal(first[0].At, other.At);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithTheBackOffPolicy()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.Enqueue(Messages("41"), BadGateway, BadGateway);

        var send = platform.SendToChannelAsync("41", Reply.Success("eventually"), CancellationToken.None);
        var firstWait = await bot.Clock.FireAsync(d => d > TimeSpan.Zero && d <= TimeSpan.FromMilliseconds(250), "the first retry's back-off");
        var secondWait = await bot.Clock.FireAsync(d => d > TimeSpan.Zero && d <= TimeSpan.FromMilliseconds(500), "the second retry's back-off");
        await send;

        Assert.Equal(3, fake.Requests.Count(Messages("41")));
        Assert.InRange(firstWait, TimeSpan.FromMilliseconds(125), TimeSpan.FromMilliseconds(250));
        Assert.InRange(secondWait, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task ChannelMessages_CarryAnEnforcedNonce_AndRetriesReuseIt()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.Enqueue(Messages("42"), BadGateway);

        var once = platform.SendToChannelAsync("42", Reply.Success("once"), CancellationToken.None);
        await bot.Clock.FireAsync(d => d > TimeSpan.Zero && d <= TimeSpan.FromMilliseconds(250), "the retry's back-off");
        await once;
        await platform.SendToChannelAsync("42", Reply.Success("twice"), CancellationToken.None);

        var attempts = fake.Requests.Where(Messages("42")).Select(r => r.Json!).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.True((bool)a["enforce_nonce"]!));
        var nonces = attempts.Select(a => (string)a["nonce"]!).ToList();
        Assert.All(nonces, n => Assert.InRange(n.Length, 1, 25));
        Assert.Equal(nonces[0], nonces[1]); // the retry of one message: Discord answers it with the first
        Assert.NotEqual(nonces[1], nonces[2]); // another message
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task AMessageWithFiles_CarriesTheNonceInPayloadJson()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        await platform.SendToChannelAsync("62", Reply.Success("export") with { Files = [new ReplyFile("export.csv", "text/csv", "a,b\n"u8.ToArray())] }, CancellationToken.None);

        var request = fake.Requests.Single(Messages("62"));
        Assert.Matches("\"nonce\":\"\\d{1,19}\",\"enforce_nonce\":true", request.Body);
    }

    [Fact]
    public async Task APostWithoutDeduplication_IsNotRepeatedAfterA5xx()
    {
        var (fake, bot, _) = await StartAsync();
        await using var __ = fake;
        await using var ___ = bot;
        var rest = bot.Services.GetRequiredService<DiscordRestClient>();
        Func<RecordedRequest, bool> webhook = r => r.Method == "POST" && r.ApiPath == "/webhooks/71/hook-token";
        fake.Enqueue(webhook, BadGateway);

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() =>
            rest.SendAsync(HttpMethod.Post, "/webhooks/71/hook-token", new StringContent("""{"content":"follow-up"}""", System.Text.Encoding.UTF8, "application/json"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, ex.Status);
        Assert.Equal(1, fake.Requests.Count(webhook)); // Discord may have posted it: sending again could post it twice
    }

    [Fact]
    public async Task APostWithoutDeduplication_IsNotRepeatedAfterATimeout_ButAMessageWithANonceIs()
    {
        var (fake, bot, platform) = await StartAsync(new Dictionary<string, string?> { ["Discord:RequestTimeout"] = "00:00:00.500" });
        await using var _ = fake;
        await using var __ = bot;
        var rest = bot.Services.GetRequiredService<DiscordRestClient>();
        var slow = BadGateway with { Status = 200, Body = "{}", Hold = new Gate() };
        Func<RecordedRequest, bool> webhook = r => r.Method == "POST" && r.ApiPath == "/webhooks/72/hook-token";
        fake.Enqueue(webhook, slow);
        fake.Enqueue(Messages("73"), slow);

        var follow = rest.SendAsync(HttpMethod.Post, "/webhooks/72/hook-token", new StringContent("""{"content":"follow-up"}""", System.Text.Encoding.UTF8, "application/json"), CancellationToken.None);
        await slow.Hold.HeldAsync();
        await bot.Clock.FireAsync(TimeSpan.FromMilliseconds(500), "the webhook's timeout");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follow);
        var message = platform.SendToChannelAsync("73", Reply.Success("made idempotent by its nonce"), CancellationToken.None);
        // The held webhook may still count at the gate: wait for this request itself to arrive.
        await fake.WaitForAsync(Messages("73"));
        await bot.Clock.FireAsync(TimeSpan.FromMilliseconds(500), "the message's timeout");
        await bot.Clock.FireAsync(d => d > TimeSpan.Zero && d <= TimeSpan.FromMilliseconds(250), "the retry's back-off");
        await message;

        Assert.Equal(1, fake.Requests.Count(webhook));
        var attempts = fake.Requests.Where(Messages("73")).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal((string)attempts[0].Json!["nonce"]!, (string)attempts[1].Json!["nonce"]!);
    }

    [Fact]
    public async Task ClientErrors_AreNotRetried_AndCarryDiscordsCode()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.Enqueue(Messages("51"), new CannedResponse(403, """{"message":"Cannot send messages to this user","code":50007}""", new Dictionary<string, string>()));

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => platform.SendToChannelAsync("51", Reply.Success("hi"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
        Assert.Equal(50007, ex.Code);
        Assert.DoesNotContain("test-token", ex.Message);
        Assert.Equal(1, fake.Requests.Count(Messages("51")));
    }

    [Fact]
    public async Task DirectMessages_OpenTheChannelOnce_AndCacheItInTheDatabase()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        await platform.SendDirectAsync("123456789", Reply.Success("A seat freed up"), CancellationToken.None);
        await platform.SendDirectAsync("123456789", Reply.Success("Reminder"), CancellationToken.None);

        Assert.Single(fake.Requests, r => r.ApiPath == "/users/@me/channels");
        var open = fake.Requests.First(r => r.ApiPath == "/users/@me/channels");
        Assert.Equal("123456789", (string?)open.Json!["recipient_id"]);
        Assert.Equal(2, fake.Requests.Count(Messages("55123456789")));
        Assert.Equal("55123456789", await bot.Services.GetRequiredService<IPlatformStateStore>().GetAsync("discord", "dm-channel:123456789", CancellationToken.None));
        var message = fake.Requests.First(Messages("55123456789")).Json!;
        Assert.Null(message["flags"]);
        Assert.Empty(message["allowed_mentions"]!["parse"]!.AsArray());
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task DirectMessage_ToAVanishedCachedChannel_OpensItAgain()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        await bot.Services.GetRequiredService<IPlatformStateStore>().SetAsync("discord", "dm-channel:777", "999", CancellationToken.None);
        fake.Enqueue(Messages("999"), new CannedResponse(404, """{"message":"Unknown Channel","code":10003}""", new Dictionary<string, string>()));

        await platform.SendDirectAsync("777", Reply.Success("hello"), CancellationToken.None);

        Assert.Single(fake.Requests, r => r.ApiPath == "/users/@me/channels");
        Assert.Equal(1, fake.Requests.Count(Messages("55777")));
    }

    [Fact]
    public async Task Files_AreSentAsMultipart_WithPayloadJson()
    {
        var (fake, bot, platform) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        await platform.SendToChannelAsync("61", Reply.Success("export") with { Files = [new ReplyFile("export.csv", "text/csv", "a,b\n1,2\n"u8.ToArray())] }, CancellationToken.None);

        Assert.Equal(1, fake.Requests.Count(Messages("61")));
        var request = fake.Requests.First(Messages("61"));
        Assert.StartsWith("multipart/form-data", request.ContentType);
        Assert.Contains("name=payload_json", request.Body);
        Assert.Contains("name=\"files[0]\"", request.Body);
        Assert.Contains("a,b", request.Body);
        Assert.Equal("export.csv", (string?)request.Json!["attachments"]![0]!["filename"]);
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task InteractionCallbacksAndWebhookEdits_NeverWait_AndLeaveNoBucketsBehind()
    {
        // The sweep threshold is 512 in production; a small one gives the same fill-sweep-refill
        // cycle (the table never counts how large it is, only whether it is past the threshold)
        // with tens of requests instead of thousands.
        const int sweepAbove = 16;
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        await using var bot = await DiscordBot.StartAsync(fake, start: false, configure: s => s.Configure<DiscordOptions>(o => o.BucketSweepAbove = sweepAbove));
        // Every answer says its bucket is spent for a minute: a callback must still never wait.
        fake.RateLimitHeaders = r => new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "60",
            ["X-RateLimit-Bucket"] = "per-interaction",
        };
        var rest = bot.Services.GetRequiredService<DiscordRestClient>();
        var buckets = bot.Services.GetRequiredService<RateLimitBuckets>();
        var answer = new Discord.Wire.InteractionResponse<Discord.Wire.MessageData>(Discord.Wire.InteractionCallbackType.ChannelMessageWithSource, new Discord.Wire.MessageData { Content = "ok" });

        // Twice the sweep's threshold: the table fills and is swept three times (at 16, 24 and 32 entries).
        for (var i = 0; i < 2 * sweepAbove; i++)
        {
            var token = "token-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await rest.CreateInteractionResponseAsync((900_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), token, answer, Discord.Wire.DiscordJson.Context.InteractionResponseMessageData, CancellationToken.None);
            await rest.EditOriginalResponseAsync(token, new Discord.Wire.MessageData { Content = "edited" }, [], CancellationToken.None);
        }

        Assert.InRange(buckets.Count, 1, sweepAbove);
        Assert.Equal(TestClock.DefaultStart, bot.Clock.GetUtcNow());
    }

    [Fact]
    public void RateLimitRoute_KeepsMajorParameters_AndHidesWebhookTokens()
    {
        var channel = RateLimitRoute.For(HttpMethod.Post, "/channels/123/messages");
        var webhook = RateLimitRoute.For(HttpMethod.Patch, "/webhooks/7/secret-token/messages/@original");
        var user = RateLimitRoute.For(HttpMethod.Post, "/users/@me/channels");

        Assert.Equal(("POST /channels/123/messages", "channels/123"), (channel.Template, channel.Major));
        Assert.Equal("PATCH /webhooks/:id/:token/messages/@original", webhook.Template);
        Assert.DoesNotContain("secret-token", webhook.Display);
        Assert.False(webhook.IsGloballyLimited);
        Assert.True(user.IsGloballyLimited);
        Assert.False(RateLimitRoute.For(HttpMethod.Post, "/interactions/1/tok/callback").IsGloballyLimited);
    }

    [Fact]
    public void OpenApiValidator_RejectsBodiesDiscordWouldRefuse()
    {
        var tooLongTitle = new RecordedRequest("POST", FakeDiscord.ApiPrefix + "/channels/1/messages", "{\"embeds\":[{\"title\":\"" + new string('x', 300) + "\"}]}", null, null, "application/json", TimeSpan.Zero);
        var badCallback = new RecordedRequest("POST", FakeDiscord.ApiPrefix + "/interactions/1/t/callback", "{\"type\":9,\"data\":{\"custom_id\":\"x\",\"title\":\"" + new string('t', 60) + "\",\"components\":[]}}", null, null, "application/json", TimeSpan.Zero);
        var badDm = new RecordedRequest("POST", FakeDiscord.ApiPrefix + "/users/@me/channels", "{\"recipient_id\":\"not-a-snowflake\"}", null, null, "application/json", TimeSpan.Zero);

        Assert.NotEmpty(OpenApiValidator.Validate(tooLongTitle));
        Assert.NotEmpty(OpenApiValidator.Validate(badCallback));
        Assert.NotEmpty(OpenApiValidator.Validate(badDm));
        Assert.Equal("create_dm", OpenApiValidator.OperationOf(badDm));
    }
}
