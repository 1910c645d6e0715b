using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Host.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CohortBot.Dashboard.Tests;

/// <summary>The dashboard in a real browser (Debian's chromium through Playwright), against the real host.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class BrowserTests(BrowserFixture browser)
{
    private const float Patience = 30_000;

    [Fact]
    public async Task Organizer_SignsInByLink_ReviewsProofs_TheGridUpdatesLive_AndParticipantsAreToldInChat()
    {
        await using var bot = await DashboardBot.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var grid = await context.NewPageAsync();
        await SignInAsync(grid, await bot.SignInLinkAsync());
        await Expect(grid, "#grid");
        await Expect(grid, "body[data-live='open']");

        // Participants send proofs in chat; the open grid shows them without a reload.
        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync("/submit week:2 url:https://example.com/bob", "proof received");
        await Expect(grid, "tr:has(a:text-is('bob')) td[data-week='2'].submitted");
        await Expect(grid, "tr:has(a:text-is('bob')) td[data-week='1'].missing");
        await bot.SayAsync("/as carol", "You are now carol");
        await bot.SayAsync("/submit week:2 url:https://example.com/carol", "proof received");
        await Expect(grid, "tr:has(a:text-is('carol')) td[data-week='2'].submitted");
        await Screenshot(grid, "dashboard-grid.png");

        // The review queue in a second tab: bob's proof first (oldest), rejected with a reason.
        var review = await context.NewPageAsync();
        await review.GotoAsync(new Uri(bot.BaseUrl, "/dashboard/review").ToString());
        await Expect(review, "h2:has-text('Week 2 proof from bob')");
        var mark = bot.Output.Mark;
        await review.FillAsync("#reason", "The screenshot does not show week 2");
        await review.ClickAsync("#reject");
        await Expect(review, "text=Rejected the week 2 proof of bob");
        var told = await bot.Output.WaitForAsync("The screenshot does not show week 2", mark);
        Assert.Contains("[DM to bob]", told, StringComparison.Ordinal);
        await Expect(grid, "tr:has(a:text-is('bob')) td[data-week='2'].rejected");

        // The reply already shows carol's proof, claimed for this organizer: approve it.
        await Expect(review, "h2:has-text('Week 2 proof from carol')");
        mark = bot.Output.Mark;
        await review.ClickAsync("#approve");
        await Expect(review, "#backlog:has-text('0 weekly proofs')");
        Assert.Contains("[DM to carol]", await bot.Output.WaitForAsync("[DM to carol]", mark), StringComparison.Ordinal);
        await Expect(grid, "tr:has(a:text-is('carol')) td[data-week='2'].approved");

        // The participant's page shows the decision in its audit trail.
        await grid.ClickAsync("a:text-is('bob')");
        await Expect(grid, "#audit li:has-text('review.reject')");
    }

    [Fact]
    public async Task EventsPage_UpdatesLive_WhenSomeoneRsvpsOrChecksInFromChat()
    {
        await using var bot = await DashboardBot.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var events = await context.NewPageAsync();
        await SignInAsync(events, await bot.SignInLinkAsync());
        await events.GotoAsync(new Uri(bot.BaseUrl, "/dashboard/events").ToString());
        await Expect(events, "tr[data-event='oh-dable']:has-text('0 going of 2')");
        await Expect(events, "body[data-live='open']");

        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync("/rsvp oh-dable", "You're going to");
        await Expect(events, "tr[data-event='oh-dable']:has-text('1 going of 2, 0 on the waitlist')");

        await bot.SayAsync("/as organizer", "You are now organizer");
        var code = System.Text.RegularExpressions.Regex.Match(await bot.SayAsync("/checkin-open oh-dable", "Code:"), @"Code: ([A-Z2-9]{6})").Groups[1].Value;
        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync($"/checkin {code}", "checked in");
        await Expect(events, "tr[data-event='oh-dable']:has-text('1 checked in')");
    }

    [Fact]
    public async Task UsedLink_IsRefused()
    {
        await using var bot = await DashboardBot.StartAsync();
        var link = await bot.SignInLinkAsync();
        await using var first = await browser.Browser.NewContextAsync();
        await using var second = await browser.Browser.NewContextAsync();
        await SignInAsync(await first.NewPageAsync(), link);

        var page = await second.NewPageAsync();
        var response = await SignInAsync(page, link);

        Assert.Equal(403, response.Status);
        await Expect(page, "#refused");
    }

    [Fact]
    public async Task ExpiredLink_IsRefused()
    {
        await using var bot = await DashboardBot.StartAsync();
        var link = await bot.SignInLinkAsync();
        bot.Clock.Advance(bot.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.LinkLifetime + TimeSpan.FromSeconds(1));
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        Assert.Equal(403, (await SignInAsync(page, link)).Status);
        await Expect(page, "#refused");
    }

    [Fact]
    public async Task ParticipantsLink_IsRefused()
    {
        await using var bot = await DashboardBot.StartAsync();
        await bot.SayAsync("/as bob", "You are now bob");
        var link = await bot.Services.GetRequiredService<SignInLinks>().IssueAsync(new PlatformUser("terminal", "bob", "bob"), CancellationToken.None);
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        Assert.Equal(403, (await SignInAsync(page, link.ToString())).Status);
        Assert.Equal(401, (await page.GotoAsync(new Uri(bot.BaseUrl, "/dashboard").ToString()))!.Status);
    }

    [Fact]
    public async Task ChangeWithoutTheCsrfToken_IsRefused_AndNothingIsDecided()
    {
        await using var bot = await DashboardBot.StartAsync();
        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync("/submit week:2 url:https://example.com/bob", "proof received");
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await bot.SignInLinkAsync());
        await page.GotoAsync(new Uri(bot.BaseUrl, "/dashboard/review").ToString());

        // The signed-in browser itself posts the Approve form's fields, less the token: the cookie goes along, the token does not.
        var status = await page.EvaluateAsync<int>("""
            async () => (await fetch('/dashboard/review/decide', { method: 'POST',
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'action=' + encodeURIComponent('approve?proof=w1') })).status
            """);

        Assert.Equal(403, status);
        var bob = await bot.Services.GetRequiredService<IParticipantStore>().FindByIdentityAsync(1, "terminal", "bob", CancellationToken.None);
        Assert.Equal(ReviewStatus.Pending, Assert.Single(await bot.Services.GetRequiredService<ISubmissionStore>().LatestWeeklyAsync(bob!.Id, CancellationToken.None)).Status);
        Assert.DoesNotContain("[DM to bob]", bot.Output.Text, StringComparison.Ordinal);
    }

    private static async Task<IResponse> SignInAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        return await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#signin"), r => r.Url.EndsWith("/dashboard/signin", StringComparison.Ordinal) && r.Request.Method == "POST");
    }

    private static Task Expect(IPage page, string selector) =>
        page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { Timeout = Patience });

    /// <summary>With <c>COHORTBOT_SCREENSHOTS</c> set (a folder), the page is saved there, e.g. for docs/.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("COHORTBOT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        }
    }
}
