using System.Net;
using CohortBot.Host;
using CohortBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CohortBot.Dashboard.Tests;

public sealed class PagesTests
{
    [Fact]
    public async Task ParticipantPage_ShowsTheProofImage_TheDecision_AndItsAudit()
    {
        await using var bot = await DashboardBot.StartAsync();
        var image = Path.Combine(Path.GetTempPath(), $"proof-{Guid.NewGuid():N}.png");
        var png = TestImages.Png(seed: 7, width: 4, height: 3);
        await File.WriteAllBytesAsync(image, png);
        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync($"/submit week:2 file:{image}", "proof received");
        File.Delete(image);
        using var client = new DashboardClient(bot.BaseUrl);
        var grid = await (await client.SignInAsync(await bot.SignInLinkAsync())).Content.ReadAsStringAsync();
        await client.PostAsync("/dashboard/review/decide", ("action", "reject?proof=w1"), ("reason", "cropped"), ("csrf", DashboardClient.Csrf(grid)));

        var page = await (await client.GetAsync("/dashboard/participants/1")).Content.ReadAsStringAsync();
        var shown = await client.GetAsync("/dashboard/participants/1/weeks/2/image");

        Assert.Contains("<img class=\"proof\" alt=\"week 2\" src=\"/dashboard/participants/1/weeks/2/image\">", page, StringComparison.Ordinal);
        Assert.Contains("rejected", page, StringComparison.Ordinal);
        Assert.Contains("review.reject · w1", page, StringComparison.Ordinal);
        Assert.Equal("image/png", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await shown.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/participants/999")).StatusCode);
    }

    [Fact]
    public async Task Downloads_AreTheExportsFiles()
    {
        await using var bot = await DashboardBot.StartAsync();
        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync("/submit week:2 url:https://example.com/bob", "proof received");
        using var client = new DashboardClient(bot.BaseUrl);
        await client.SignInAsync(await bot.SignInLinkAsync());

        var participants = await client.GetAsync("/dashboard/download/participants");
        var calendar = await client.GetAsync("/dashboard/download/calendar");

        Assert.Equal("text/csv", participants.Content.Headers.ContentType?.MediaType);
        Assert.Equal("participants-dash-cohort.csv", participants.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains(",bob,", await participants.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/download/passwords")).StatusCode);
    }

    [Fact]
    public async Task EventsPage_ShowsSeats_AndOpensACheckinCodeForTheRoom()
    {
        await using var bot = await DashboardBot.StartAsync();
        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync("/rsvp oh-dable", "You're going to");
        using var client = new DashboardClient(bot.BaseUrl);
        await client.SignInAsync(await bot.SignInLinkAsync());

        var events = await (await client.GetAsync("/dashboard/events")).Content.ReadAsStringAsync();
        Assert.Contains("Office hours with Dable", events, StringComparison.Ordinal);
        Assert.Contains("1 going of 2, 0 on the waitlist", events, StringComparison.Ordinal);

        var opened = await (await client.PostAsync("/dashboard/events/checkin", ("event", "oh-dable"), ("csrf", DashboardClient.Csrf(events)))).Content.ReadAsStringAsync();
        var code = System.Text.RegularExpressions.Regex.Match(opened, @"Code: ([A-Z2-9]{6})").Groups[1].Value;
        Assert.NotEmpty(code);
        await bot.SayAsync("/as bob", "You are now bob");
        Assert.Contains("Office hours with Dable", await bot.SayAsync($"/checkin {code}", "checked in"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletionPage_IsTheReport()
    {
        await using var bot = await DashboardBot.StartAsync();
        await bot.SayAsync("/as bob", "You are now bob");
        await bot.SayAsync("/progress", "Week 1");
        using var client = new DashboardClient(bot.BaseUrl);
        await client.SignInAsync(await bot.SignInLinkAsync());

        var report = await (await client.GetAsync("/dashboard/report")).Content.ReadAsStringAsync();

        Assert.Contains("bob (#1", report, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/download/completion\"", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Dashboard:Url=ftp://127.0.0.1:5080", "Dashboard:Url")]
    [InlineData("--Dashboard:Url=http://127.0.0.1:5080/admin", "Dashboard:Url")]
    [InlineData("--Dashboard:LinkLifetime=02:00:00", "Dashboard:LinkLifetime")]
    [InlineData("--Dashboard:PageSize=5", "Dashboard:PageSize")]
    public async Task Start_WithABadDashboardSetting_FailsNamingIt(string setting, string key)
    {
        using var folder = new TempFolder();
        var cohort = folder.File("cohort.yaml");
        await File.WriteAllTextAsync(cohort, "cohort:\n  id: x\n  name: X\n  time_zone: Asia/Seoul\n  starts: 2026-09-14\n  ends: 2027-01-31\nweeks: []\n");
        using var host = CohortBotHost.Build(["--Cohort:File=" + cohort, "--Storage:DatabasePath=" + folder.File("bot.db"), "--Terminal:Enabled=false", "--Logging:LogLevel:Default=None", "--Dashboard:Enabled=true", setting]);

        var problem = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, problem.Message, StringComparison.Ordinal);
    }
}
