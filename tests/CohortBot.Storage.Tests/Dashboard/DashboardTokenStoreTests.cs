using CohortBot.Core.Dashboard;
using CohortBot.Core.Participants;
using CohortBot.Testing;
using Dapper;
using static CohortBot.Testing.SampleCohort;

namespace CohortBot.Storage.Tests.Dashboard;

public sealed class DashboardTokenStoreTests
{
    private static readonly PlatformUser Organizer = new("discord", "81234", "김 조직자", "ko") { Roles = ["organizers", "staff"] };

    [Fact]
    public async Task Token_IsFoundByKindAndHash_UntilItExpires()
    {
        await using var services = await CohortServices.StartAsync();
        var tokens = services.Get<IDashboardTokens>();
        var session = new DashboardToken("AA11", DashboardTokenKind.Session, Organizer, Now.AddHours(8));
        await tokens.AddAsync(session, Now, CancellationToken.None);

        var found = await tokens.FindAsync(DashboardTokenKind.Session, "AA11", Now.AddHours(8).AddMilliseconds(-1), CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal((session.Hash, session.Kind, session.ExpiresAt), (found.Hash, found.Kind, found.ExpiresAt));
        Assert.Equal((Organizer.Platform, Organizer.UserId, Organizer.DisplayName, Organizer.Locale), (found.User.Platform, found.User.UserId, found.User.DisplayName, found.User.Locale));
        Assert.Equal(Organizer.Roles, found.User.Roles);
        Assert.Null(await tokens.FindAsync(DashboardTokenKind.SignInLink, "AA11", Now, CancellationToken.None));
        Assert.Null(await tokens.FindAsync(DashboardTokenKind.Session, "AA12", Now, CancellationToken.None));
        Assert.Null(await tokens.FindAsync(DashboardTokenKind.Session, "AA11", Now.AddHours(8), CancellationToken.None));
    }

    [Fact]
    public async Task Link_IsTakenOnce_HoweverManyAskAtOnce()
    {
        await using var services = await CohortServices.StartAsync();
        var tokens = services.Get<IDashboardTokens>();
        await tokens.AddAsync(new DashboardToken("BB22", DashboardTokenKind.SignInLink, Organizer with { Roles = null }, Now.AddMinutes(10)), Now, CancellationToken.None);

        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => tokens.TakeAsync(DashboardTokenKind.SignInLink, "BB22", Now, CancellationToken.None))));

        var winner = Assert.Single(taken, t => t is not null);
        Assert.Null(winner!.User.Roles);
        Assert.Null(await tokens.TakeAsync(DashboardTokenKind.SignInLink, "BB22", Now, CancellationToken.None));
    }

    [Fact]
    public async Task ExpiredToken_IsNotGiven_AndAddingForgetsEveryExpiredOne()
    {
        await using var services = await CohortServices.StartAsync();
        var tokens = services.Get<IDashboardTokens>();
        await tokens.AddAsync(new DashboardToken("CC33", DashboardTokenKind.SignInLink, Organizer, Now.AddMinutes(10)), Now, CancellationToken.None);
        await tokens.AddAsync(new DashboardToken("DD44", DashboardTokenKind.Session, Organizer, Now.AddMinutes(20)), Now, CancellationToken.None);
        await tokens.AddAsync(new DashboardToken("EE55", DashboardTokenKind.Session, Organizer, Now.AddHours(1)), Now, CancellationToken.None);

        Assert.Null(await tokens.TakeAsync(DashboardTokenKind.SignInLink, "CC33", Now.AddMinutes(10), CancellationToken.None));
        await tokens.AddAsync(new DashboardToken("FF66", DashboardTokenKind.SignInLink, Organizer, Now.AddHours(1)), Now.AddMinutes(30), CancellationToken.None);

        await using var db = await services.Get<Database>().OpenAsync(CancellationToken.None);
        Assert.Equal(["EE55", "FF66"], await db.QueryAsync<string>("SELECT token_hash FROM dashboard_tokens ORDER BY token_hash"));
    }
}
