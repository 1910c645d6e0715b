using System.Net;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Host.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CohortBot.Dashboard.Tests;

public sealed class SignInTests
{
    [Fact]
    public async Task Link_SignsInOnce_ThenIsRefused()
    {
        await using var bot = await DashboardBot.StartAsync();
        var link = await bot.SignInLinkAsync();
        using var first = new DashboardClient(bot.BaseUrl);
        using var second = new DashboardClient(bot.BaseUrl);

        var opened = await first.SignInAsync(link);
        var again = await second.SignInAsync(link);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Dashboard Cohort", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Link_OpenedOnly_IsNotSpent()
    {
        // A chat app's link preview fetches the URL: that must not use the link up.
        await using var bot = await DashboardBot.StartAsync();
        var link = await bot.SignInLinkAsync();
        using var client = new DashboardClient(bot.BaseUrl);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Link_PastItsLifetime_IsRefused()
    {
        await using var bot = await DashboardBot.StartAsync();
        var link = await bot.SignInLinkAsync();
        bot.Clock.Advance(bot.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.LinkLifetime);
        using var client = new DashboardClient(bot.BaseUrl);

        var response = await client.SignInAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("used, expired or not an organizer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_OfAParticipant_IsRefused_AndTheyCannotAskForOne()
    {
        await using var bot = await DashboardBot.StartAsync();
        await bot.SayAsync("/as bob", "You are now bob");
        Assert.Contains("for organizers only", await bot.SayAsync("/dashboard", "organizers only"), StringComparison.Ordinal);
        var link = await bot.Services.GetRequiredService<SignInLinks>().IssueAsync(new PlatformUser("terminal", "bob", "bob"), CancellationToken.None);
        using var client = new DashboardClient(bot.BaseUrl);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SignInAsync(link.ToString())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Session_EndsAfterItsLifetime_AndAtSignOut()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var expiring = new DashboardClient(bot.BaseUrl);
        using var leaving = new DashboardClient(bot.BaseUrl);
        await expiring.SignInAsync(await bot.SignInLinkAsync());
        var page = await (await leaving.SignInAsync(await bot.SignInLinkAsync())).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, (await leaving.PostAsync("/dashboard/signout", ("csrf", DashboardClient.Csrf(page)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaving.GetAsync("/dashboard")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await expiring.GetAsync("/dashboard")).StatusCode);
        bot.Clock.Advance(bot.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.SessionLifetime);
        Assert.Equal(HttpStatusCode.Unauthorized, (await expiring.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Decision_WithoutTheCsrfToken_IsRefused_AndNothingIsDecided()
    {
        await using var bot = await DashboardBot.StartAsync();
        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync("/submit week:2 url:https://example.com/bob", "proof received");
        using var client = new DashboardClient(bot.BaseUrl);
        var grid = await (await client.SignInAsync(await bot.SignInLinkAsync())).Content.ReadAsStringAsync();
        var review = await (await client.GetAsync("/dashboard/review")).Content.ReadAsStringAsync();
        Assert.Contains("approve?proof=w1", review, StringComparison.Ordinal);

        var none = await client.PostAsync("/dashboard/review/decide", ("action", "approve?proof=w1"));
        var wrong = await client.PostAsync("/dashboard/review/decide", ("action", "approve?proof=w1"), ("csrf", "not-the-token"));

        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        var bob = await bot.Services.GetRequiredService<IParticipantStore>().FindByIdentityAsync(1, "terminal", "bob", CancellationToken.None);
        var submissions = bot.Services.GetRequiredService<ISubmissionStore>();
        Assert.Equal(ReviewStatus.Pending, Assert.Single(await submissions.LatestWeeklyAsync(bob!.Id, CancellationToken.None)).Status);
        Assert.DoesNotContain("[DM to bob]", bot.Output.Text, StringComparison.Ordinal);

        var mark = bot.Output.Mark;
        var done = await client.PostAsync("/dashboard/review/decide", ("action", "approve?proof=w1"), ("csrf", DashboardClient.Csrf(grid)));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(ReviewStatus.Approved, Assert.Single(await submissions.LatestWeeklyAsync(bob.Id, CancellationToken.None)).Status);
        Assert.Contains("approved", await bot.Output.WaitForAsync("[DM to bob]", mark), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Dashboard_SpeaksTheOrganizersLanguage()
    {
        await using var bot = await DashboardBot.StartAsync();
        await bot.SayAsync("/as organizer", "You are now organizer");
        await bot.SayAsync("/language ko", "한국어");
        using var client = new DashboardClient(bot.BaseUrl);

        var page = await (await client.SignInAsync(await bot.SignInLinkAsync("organizer", "한 번만 쓸 수 있어요)."))).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"ko\">", page, StringComparison.Ordinal);
        Assert.Contains("이름으로 찾기", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardCommand_WhenTheDashboardIsOff_SaysSo()
    {
        await using var bot = await DashboardBot.StartAsync("--Dashboard:Enabled=false");
        await bot.SayAsync("/as organizer", "You are now organizer");

        Assert.Contains("The dashboard is off", await bot.SayAsync("/dashboard", "Dashboard:Enabled"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_ClaimsTheProof_UnderTheSameLeaseAsChat()
    {
        await using var bot = await DashboardBot.StartAsync("--Organizers:terminal:Users:1=olive");
        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync("/submit week:2 url:https://example.com/bob", "proof received");
        using var client = new DashboardClient(bot.BaseUrl);
        await client.SignInAsync(await bot.SignInLinkAsync());

        Assert.Contains("Week 2 proof from bob", await (await client.GetAsync("/dashboard/review")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await bot.SayAsync("/as olive", "You are now olive");
        Assert.DoesNotContain("from bob", await bot.SayAsync("/review", "No proofs are waiting for review."), StringComparison.Ordinal);

        // Past the lease the proof is free again, and chat gets it.
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Contains("Week 2 proof from bob", await bot.SayAsync("/review", "Week 2 proof from bob"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveStream_SendsAChange_AndEndsWhenTheBotStops()
    {
        var bot = await DashboardBot.StartAsync();
        using var client = new DashboardClient(bot.BaseUrl);
        await client.SignInAsync(await bot.SignInLinkAsync());
        using var response = await client.OpenAsync("/dashboard/live");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": live", await events.ReadLineAsync());
        Assert.Equal(string.Empty, await events.ReadLineAsync());

        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync("/submit week:2 url:https://example.com/bob", "proof received");
        Assert.Equal("event: change", await events.ReadLineAsync());

        // An open page must not hold the shutdown for the host's whole shutdown timeout (20 s).
        await bot.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(await events.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
