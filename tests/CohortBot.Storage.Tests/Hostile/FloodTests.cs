using CohortBot.Storage;
using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Storage.Tests.Hostile;

/// <summary>The per-person flood limit, through the real dispatcher and SQLite, on the fake clock.</summary>
public sealed class FloodTests
{
    [Theory]
    [InlineData("discord", "en", "faster than I can take them")]
    [InlineData("slack", "en", "faster than I can take them")]
    [InlineData("terminal", "ko", "너무 빠르게 보내고")]
    public async Task HundredSubmitsInASecond_FromOnePerson_StopAtTheLimit_OthersUndelayed(string platform, string locale, string expected)
    {
        var log = new CapturingLogger();
        await using var services = await CohortServices.StartAsync(s =>
        {
            log.Install(s);
            s.Configure<CohortBot.Core.Flood.FloodOptions>(o => o.ExemptPlatforms = []); // the terminal too, for this test
        });
        var runner = services.Get<CommandRunner>();
        var mallory = new PlatformUser(platform, "mallory", "Mallory", locale);
        var ada = new PlatformUser(platform, "ada", "Ada");

        var flood = Enumerable.Range(0, 100)
            .Select(i => runner.RunAsync(Invocation.Create("submit", mallory, ("week", 2L), ("url", $"https://coursera.org/verify/F{i}")), default))
            .ToList();
        var other = await runner.RunAsync(Invocation.Create("submit", ada, ("week", 2L), ("url", "https://coursera.org/verify/ADA")), default);
        var replies = await Task.WhenAll(flood);

        Assert.Equal(ReplyTone.Success, other.Tone);
        var refused = replies.Where(r => r.Text.Contains(expected, StringComparison.Ordinal)).ToList();
        Assert.Equal(70, refused.Count); // 30 taken (the burst), no time passed on the clock
        Assert.Equal(30, replies.Count(r => r.Tone == ReplyTone.Success));
        Assert.Single(log.Lines, l => l.Contains("Flood from " + platform + " user mallory", StringComparison.Ordinal));
        Assert.Equal(31, await CountAsync(services));

        services.Clock.Advance(TimeSpan.FromSeconds(1)); // ten more refill
        var again = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            runner.RunAsync(Invocation.Create("progress", mallory), default)));
        Assert.Equal(10, again.Count(r => !r.Text.Contains(expected, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Terminal_IsExemptByDefault_ItsScriptsRunAtFullSpeed()
    {
        await using var services = await CohortServices.StartAsync();
        var operatorScript = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            services.Get<CommandRunner>().RunAsync(Invocation.Create("deadlines", new PlatformUser("terminal", "alice", "Alice")), default)));

        Assert.DoesNotContain(operatorScript, r => r.Text.Contains("faster than I can take them", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusedFloodCommand_StoresNothing_EvenARegistration()
    {
        await using var services = await CohortServices.StartAsync(s => s.Configure<CohortBot.Core.Flood.FloodOptions>(o => o.Burst = 1));
        var runner = services.Get<CommandRunner>();
        var newcomer = new PlatformUser("discord", "newcomer", "Newcomer");
        await runner.RunAsync(Invocation.Create("deadlines", new PlatformUser("discord", "newcomer", "Newcomer")), default);
        var before = await CountAsync(services, "participants");

        var refused = await runner.RunAsync(Invocation.Create("submit", newcomer, ("week", 2L), ("url", "https://coursera.org/verify/X")), default);

        Assert.Contains("faster than I can take them", refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(services));
        Assert.Equal(before, await CountAsync(services, "participants"));
    }

    private static async Task<long> CountAsync(CohortServices services, string table = "submissions")
    {
        await using var db = await services.Get<Database>().OpenAsync(default);
        return await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
