using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Slack.Tests.Fakes;

/// <summary>The fake's load-test rules behave like Slack: Tier 4 limits, response_url uses and lifetime, one-time triggers.</summary>
public sealed class FakeSlackRulesTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task UsersInfo_OverItsLimit_Gets429WithRetryAfter_AndCallsAreCountedPerPerson()
    {
        await using var fake = await FakeSlack.StartAsync(_clock);
        fake.MethodLimits["users.info"] = new CohortBot.Fakes.SlidingWindowLimit(_clock, 2, TimeSpan.FromMinutes(1));
        using var http = Client(fake);

        var statuses = new List<HttpStatusCode>();
        foreach (var user in new[] { "U1", "U1", "U2" })
        {
            statuses.Add((await http.PostAsync("users.info", Form(("user", user)))).StatusCode);
        }

        var refused = await http.PostAsync("users.info", Form(("user", "U3")));
        _clock.Advance(TimeSpan.FromSeconds(61));
        var later = await http.PostAsync("users.info", Form(("user", "U3")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(2, fake.UsersInfoCalls["U1"]);
        Assert.Equal(2, fake.UsersInfoCalls["U3"]);
    }

    [Fact]
    public async Task ResponseUrl_TakesFivePosts_AndExpiresAfter30Minutes()
    {
        await using var fake = await FakeSlack.StartAsync(_clock);
        fake.Envelopes.EnforceRules = true;
        using var http = new HttpClient();
        var used = fake.ResponseUrl("r-used");
        var expiring = fake.ResponseUrl("r-old");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await http.PostAsync(used, new StringContent("""{"text":"hi"}""", Encoding.UTF8, "application/json"))).StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await http.PostAsync(expiring, new StringContent("""{"text":"hi"}""", Encoding.UTF8, "application/json"));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.NotFound], statuses);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal("expired_url", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Trigger_OpensOneView_WithinThreeSeconds()
    {
        await using var fake = await FakeSlack.StartAsync(_clock);
        fake.Envelopes.EnforceRules = true;
        var opened = new List<string>();
        fake.ViewOpened += (trigger, _) => opened.Add(trigger);
        using var http = Client(fake);
        fake.Envelopes.IssueTrigger("t-once");
        fake.Envelopes.IssueTrigger("t-late");

        var first = await OpenAsync(http, "t-once");
        var again = await OpenAsync(http, "t-once");
        _clock.Advance(TimeSpan.FromSeconds(3.5));
        var late = await OpenAsync(http, "t-late");

        Assert.Contains("\"ok\":true", first, StringComparison.Ordinal);
        Assert.Contains("exchanged_trigger_id", again, StringComparison.Ordinal);
        Assert.Contains("expired_trigger_id", late, StringComparison.Ordinal);
        Assert.Equal(["t-once"], opened);
    }

    private static async Task<string> OpenAsync(HttpClient http, string trigger) =>
        await (await http.PostAsync("views.open", new StringContent("{\"trigger_id\":\"" + trigger + "\",\"view\":{\"type\":\"modal\",\"callback_id\":\"c\",\"blocks\":[]}}", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();

    private static HttpClient Client(FakeSlack fake)
    {
        var http = new HttpClient { BaseAddress = fake.ApiBase };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeSlack.BotToken);
        return http;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
