using CohortBot.Core.RateLimits;
using CohortBot.Fakes;
using CohortBot.Storage.Postgres;
using CohortBot.Storage.RateLimits;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CohortBot.Storage.Tests.Postgres;

/// <summary>
/// Two bot instances sharing one bot token's budget: two gates, each on its own connection pool, on
/// one database, with many callers each, on one fake clock that moves only while neither instance
/// is waiting for the database. Together they never take more than the limit in any span of one window.
/// </summary>
public sealed class RateBudgetTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [PostgresFact]
    public async Task TwoInstancesRacingForOneBudget_NeverTakeMoreThanTheLimitInAnyWindow_AndEveryCallerGetsThrough()
    {
        const int limit = 30;
        const int callersEach = 60;
        var clock = new TestClock();
        await using var first = await OpenAsync(clock, migrate: true);
        await using var second = await OpenAsync(clock, migrate: false);
        var slices = BudgetSlices.For(limit, Second);
        var bucket = RateBudgetBucket.Of("test", "one-bot-token", "global");
        WatchedBudget[] budgets = [new(new PostgresRateBudget(first)), new(new PostgresRateBudget(second))];
        var gates = budgets.Select(b => new SharedRateGate(b, bucket, slices, clock)).ToList();

        var through = new Pulse();
        var passed = 0;
        var callers = Task.WhenAll(gates.SelectMany(gate => Enumerable.Range(0, callersEach).Select(_ => Task.Run(async () =>
        {
            await gate.WaitAsync(CancellationToken.None);
            Interlocked.Increment(ref passed);
            through.Fire();
        }))));
        await DriveAsync(clock, callers, budgets, slices.Length, through);

        Assert.Equal(2 * callersEach, passed);
        var perSlice = budgets.SelectMany(b => b.Takes).GroupBy(t => t.WindowStart).ToDictionary(g => g.Key, g => g.Sum(t => t.Taken));
        Assert.All(perSlice, s => Assert.True(s.Value <= slices.PerSlice, $"{s.Value} permits in the slice at {s.Key:O}"));
        // Any span of one second touches at most k + 1 slices in a row (k slices cover a second).
        var k = (int)Math.Ceiling(Second / slices.Length);
        foreach (var start in perSlice.Keys)
        {
            var inSpan = perSlice.Where(s => s.Key >= start && s.Key < start + (slices.Length * (k + 1))).Sum(s => s.Value);
            Assert.True(inSpan <= limit, $"{inSpan} permits in the {k + 1} slices from {start:O}");
        }

        // They raced: both asked for the same slices, and some asks found the slice spent by the other.
        Assert.Contains(perSlice.Keys, w => budgets.All(b => b.Takes.Any(t => t.WindowStart == w)));
        Assert.Contains(budgets.SelectMany(b => b.Takes), t => t.Taken == 0);
        Assert.All(budgets, b => Assert.Contains(b.Takes, t => t.Taken > 0));
        await using var db = await first.OpenAsync(default);
        // The database agrees with what they were given.
        Assert.Equal(budgets.Sum(b => b.Takes.Sum(t => t.Taken)), await db.ExecuteScalarAsync<long>("SELECT SUM(used) FROM rate_budget"));
        Assert.DoesNotContain("one-bot-token", await db.ExecuteScalarAsync<string>("SELECT MIN(bucket) FROM rate_budget"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AWindowSpent_GivesNothingMore_AndWindowsLongPastAreDeleted()
    {
        var clock = new TestClock();
        await using var database = await OpenAsync(clock, migrate: true);
        var budget = new PostgresRateBudget(database);
        var start = clock.GetUtcNow();

        Assert.Equal(3, await budget.TakeAsync("b", start, 5, 3, default));
        Assert.Equal(2, await budget.TakeAsync("b", start, 5, 3, default));
        Assert.Equal(0, await budget.TakeAsync("b", start, 5, 1, default));
        Assert.Equal(1, await budget.TakeAsync("other", start, 5, 1, default));
        Assert.Equal(4, await budget.TakeAsync("b", start.AddMinutes(11), 5, 4, default));

        await using var db = await database.OpenAsync(default);
        Assert.Equal([start.AddMinutes(11).ToUnixTimeMilliseconds()], await db.QueryAsync<long>("SELECT window_start FROM rate_budget"));
    }

    /// <summary>Moves time to the next waiting gate's timer whenever no instance is between asking the database and hearing back.</summary>
    private static async Task DriveAsync(TestClock clock, Task work, IReadOnlyList<WatchedBudget> budgets, TimeSpan slice, Pulse progress)
    {
        var finished = new Pulse();
        _ = work.ContinueWith(_ => finished.Fire(), TaskScheduler.Default);
        while (!work.IsCompleted)
        {
            var step = await Eventually.ValueAsync(
                () => work.IsCompleted ? TimeSpan.Zero
                    : budgets.Any(b => b.Busy) ? null
                    : clock.Pending.Where(d => d > TimeSpan.Zero && d <= slice).Select(d => (TimeSpan?)d).FirstOrDefault(),
                [clock.Timers, progress, finished, .. budgets.Select(b => b.Changed)],
                "a gate waiting for the next slice");
            clock.Advance(step!.Value);
        }

        await work;
    }

    private async Task<PostgresDatabase> OpenAsync(TimeProvider clock, bool migrate)
    {
        var database = new PostgresDatabase(Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = _database.ConnectionString }), clock);
        if (migrate)
        {
            await new Migrator(database, clock, NullLogger<Migrator>.Instance).MigrateAsync(default);
        }

        return database;
    }
}
