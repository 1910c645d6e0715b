using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Discord.Tests.Fakes;

/// <summary>The fake's load-test rules behave like Discord: answer windows, one acknowledgement, the global limit.</summary>
public sealed class FakeDiscordRulesTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Callback_InTime_IsAccepted_ASecondOne_IsAlreadyAcknowledged()
    {
        await using var fake = await FakeDiscord.StartAsync(_clock);
        fake.Interactions.EnforceRules = true;
        using var http = Client(fake);
        var timing = fake.Interactions.Sent("1001", "tok-a");
        _clock.Advance(TimeSpan.FromSeconds(2.9));

        var first = await http.PostAsync("interactions/1001/tok-a/callback", Json("""{"type":5,"data":{"flags":64}}"""));
        var second = await http.PostAsync("interactions/1001/tok-a/callback", Json("""{"type":4,"data":{"content":"x"}}"""));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("40060", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, timing.FirstResponseType);
        Assert.True(timing.Deferred);
        Assert.Null(timing.FinalAt);
        Assert.Equal(1, timing.DuplicateCallbacks);
    }

    [Fact]
    public async Task Callback_After3Seconds_IsUnknownInteraction_AndItsEditsAreRefused()
    {
        await using var fake = await FakeDiscord.StartAsync(_clock);
        fake.Interactions.EnforceRules = true;
        using var http = Client(fake);
        var timing = fake.Interactions.Sent("1002", "tok-b");
        _clock.Advance(TimeSpan.FromSeconds(3.1));

        var late = await http.PostAsync("interactions/1002/tok-b/callback", Json("""{"type":4,"data":{"content":"x"}}"""));
        var edit = await http.PatchAsync($"webhooks/{FakeDiscord.ApplicationId}/tok-b/messages/@original", Json("""{"content":"x"}"""));

        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Contains("10062", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Contains("10015", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(timing.FirstResponseAt);
        Assert.Equal(1, timing.LateCallbacks);
    }

    [Fact]
    public async Task EditAfterDeferral_WorksFor15Minutes_AndRecordsTheFinalAnswer()
    {
        await using var fake = await FakeDiscord.StartAsync(_clock);
        fake.Interactions.EnforceRules = true;
        using var http = Client(fake);
        var timing = fake.Interactions.Sent("1003", "tok-c");
        await http.PostAsync("interactions/1003/tok-c/callback", Json("""{"type":5}"""));
        _clock.Advance(TimeSpan.FromMinutes(14));

        var edit = await http.PatchAsync($"webhooks/{FakeDiscord.ApplicationId}/tok-c/messages/@original", Json("""{"content":"done"}"""));
        _clock.Advance(TimeSpan.FromMinutes(2));
        var tooLate = await http.PostAsync($"webhooks/{FakeDiscord.ApplicationId}/tok-c", Json("""{"content":"again"}"""));

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(14), fake.Interactions.Between(timing.SentAt, timing.FinalAt!.Value));
        Assert.Equal(HttpStatusCode.NotFound, tooLate.StatusCode);
    }

    [Fact]
    public async Task GlobalLimit_AnswersTheRequestOverTheLimitWithAGlobal429_InteractionsExempt()
    {
        await using var fake = await FakeDiscord.StartAsync(_clock);
        fake.GlobalLimit = new GlobalLimit(_clock, 2);
        using var http = Client(fake);
        fake.Interactions.Sent("1004", "tok-d");

        var ok1 = await http.PostAsync("channels/1/messages", Json("""{"content":"a"}"""));
        var ok2 = await http.PostAsync("channels/1/messages", Json("""{"content":"b"}"""));
        var callback = await http.PostAsync("interactions/1004/tok-d/callback", Json("""{"type":4,"data":{"content":"x"}}"""));
        var refused = await http.PostAsync("channels/1/messages", Json("""{"content":"c"}"""));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var next = await http.PostAsync("channels/1/messages", Json("""{"content":"d"}"""));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent], [ok1.StatusCode, ok2.StatusCode, callback.StatusCode]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("true", refused.Headers.GetValues("X-RateLimit-Global").Single());
        Assert.Equal("global", refused.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("\"global\":true", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(3, fake.Traffic.Total(FakeDiscord.GlobalServed));
        Assert.Equal(1, fake.Traffic.Total(FakeDiscord.GlobalRefused));
        Assert.Equal(3, fake.Traffic.Total(FakeDiscord.ChannelMessages));
    }

    [Fact]
    public async Task Cdn_ServesGeneratedImagesOfTheAskedSize_DifferentBySeed()
    {
        await using var fake = await FakeDiscord.StartAsync(_clock);
        using var http = new HttpClient();

        var a = await http.GetByteArrayAsync(fake.CdnUrl(CohortBot.Fakes.GeneratedImage.Name(1, 1024 * 1024)));
        var b = await http.GetByteArrayAsync(fake.CdnUrl(CohortBot.Fakes.GeneratedImage.Name(2, 1024 * 1024)));

        Assert.Equal(1024 * 1024, a.Length);
        Assert.Equal(0x89, a[0]);
        Assert.NotEqual(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(a)), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(b)));
    }

    private static HttpClient Client(FakeDiscord fake)
    {
        var http = new HttpClient { BaseAddress = new Uri(fake.ApiBaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bot", FakeDiscord.DefaultToken);
        return http;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
