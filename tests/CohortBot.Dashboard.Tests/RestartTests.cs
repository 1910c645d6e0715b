using System.Net;
using System.Security.Cryptography;
using System.Text;
using CohortBot.Host.Dashboard;
using CohortBot.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CohortBot.Dashboard.Tests;

/// <summary>Sessions and sign-in links are kept in the database: a restart signs nobody out and voids no link, and brings nothing back that had ended.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Session_AndAnUnusedLink_SurviveARestart()
    {
        var bot = await DashboardBot.StartAsync();
        try
        {
            using var before = new DashboardClient(bot.BaseUrl);
            var page = await (await before.SignInAsync(await bot.SignInLinkAsync())).Content.ReadAsStringAsync();
            var unused = await bot.SignInLinkAsync();

            bot = await bot.RestartAsync();

            // The same browser (its cookie) on the restarted bot: still signed in, and its forms' token still good.
            using var after = new DashboardClient(bot.BaseUrl, before.Cookies);
            var grid = await after.GetAsync("/dashboard");
            Assert.Equal(HttpStatusCode.OK, grid.StatusCode);
            Assert.Contains("id=\"grid\"", await grid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var other = new DashboardClient(bot.BaseUrl);
            Assert.Equal(HttpStatusCode.OK, (await other.SignInAsync(unused)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await after.PostAsync("/dashboard/signout", ("csrf", DashboardClient.Csrf(page)))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await after.GetAsync("/dashboard")).StatusCode);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task UsedExpiredOrEndedTokens_StayRefused_AfterARestart()
    {
        var bot = await DashboardBot.StartAsync();
        try
        {
            var options = bot.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
            var used = await bot.SignInLinkAsync();
            using var expiring = new DashboardClient(bot.BaseUrl);
            using var leaving = new DashboardClient(bot.BaseUrl);
            Assert.Equal(HttpStatusCode.OK, (await expiring.SignInAsync(used)).StatusCode);
            var page = await (await leaving.SignInAsync(await bot.SignInLinkAsync())).Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, (await leaving.PostAsync("/dashboard/signout", ("csrf", DashboardClient.Csrf(page)))).StatusCode);
            bot.Clock.Advance(options.SessionLifetime - options.LinkLifetime);
            var late = await bot.SignInLinkAsync();
            bot.Clock.Advance(options.LinkLifetime);

            bot = await bot.RestartAsync();

            using var expired = new DashboardClient(bot.BaseUrl, expiring.Cookies);
            using var left = new DashboardClient(bot.BaseUrl, leaving.Cookies);
            using var stranger = new DashboardClient(bot.BaseUrl);
            Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("/dashboard")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await left.GetAsync("/dashboard")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.SignInAsync(used)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.SignInAsync(late)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/dashboard")).StatusCode);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheDatabase_KeepsOnlyHashesOfTheTokens_AndForgetsExpiredOnes()
    {
        await using var bot = await DashboardBot.StartAsync();
        var link = await bot.SignInLinkAsync();
        var waiting = await bot.SignInLinkAsync();
        using var client = new DashboardClient(bot.BaseUrl);
        await client.SignInAsync(link);
        var cookie = client.Cookies.GetCookies(new Uri(bot.BaseUrl, "/dashboard"))[DashboardSessions.CookieName]!.Value;
        var tokens = new[] { Token(link), Token(waiting), cookie };

        var kept = await RowsAsync(bot);

        Assert.Equal(["link", "session"], kept.Select(r => r.Kind));
        Assert.Equal([Hash(Token(waiting)), Hash(cookie)], kept.Select(r => r.TokenHash));
        Assert.DoesNotContain(kept, r => tokens.Any(t => r.ToString().Contains(t, StringComparison.Ordinal)));

        // Past both lifetimes, the next link added clears them out.
        bot.Clock.Advance(bot.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.SessionLifetime);
        var next = await bot.SignInLinkAsync();
        Assert.Equal([Hash(Token(next))], (await RowsAsync(bot)).Select(r => r.TokenHash));
    }

    private static string Token(string link) => new Uri(link).Query.Split("token=")[1];

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static async Task<List<(string TokenHash, string Kind, string UserId)>> RowsAsync(DashboardBot bot)
    {
        await using var db = await bot.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        return (await db.QueryAsync<(string, string, string)>("SELECT token_hash, kind, user_id FROM dashboard_tokens ORDER BY kind")).ToList();
    }
}
