using System.Collections.Concurrent;
using CohortBot.Core.RateLimits;
using CohortBot.Fakes;
using CohortBot.Fakes.Slack;
using CohortBot.Slack.WebApi;
using CohortBot.Storage.Postgres;
using CohortBot.Storage.RateLimits;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.Tests.WebApi;

/// <summary>
/// Slack's tiers are per app and workspace, not per process: two instances' limiters on one bot
/// token, each opening DM channels (conversations.open, Tier 3: 50 a minute) as a reminder fan-out
/// does, on one fake clock that moves only when both are parked on a timer.
/// </summary>
public sealed class SharedBudgetTests : IDisposable
{
    private const int CallersEach = 40;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Lazy<PostgresTestDatabase> _database = new(() => new PostgresTestDatabase());

    public void Dispose()
    {
        if (_database.IsValueCreated)
        {
            _database.Value.Dispose();
        }
    }

    [PostgresFact]
    public async Task TwoInstances_SharingTheBudgetInPostgres_OpenNoMoreThanTheTierAllowsInAnyMinute()
    {
        var clock = new TestClock();
        await using var one = await PoolAsync(clock, migrate: true);
        await using var other = await PoolAsync(clock, migrate: false);
        WatchedBudget[] budgets = [new(new PostgresRateBudget(one)), new(new PostgresRateBudget(other))];

        var calls = await CallAsync(clock, [Limiter(clock, budgets[0]), Limiter(clock, budgets[1])], budgets);

        Assert.Equal(2 * CallersEach, calls.Count);
        Assert.True(MostInAnyMinute(calls) <= RateLimit.Tier3.Count, $"{MostInAnyMinute(calls)} calls in one minute");
        Assert.All(budgets, b => Assert.True(b.Takes.Sum(t => t.Taken) >= CallersEach));
    }

    [Fact]
    public async Task TwoInstances_EachPacingOnlyItself_TogetherGoOverTheTier()
    {
        var clock = new TestClock();

        var calls = await CallAsync(clock, [Limiter(clock, null), Limiter(clock, null)], []);

        Assert.Equal(2 * CallersEach, calls.Count);
        Assert.True(MostInAnyMinute(calls) > RateLimit.Tier3.Count, "each instance alone keeps the tier, so together they must have gone over it");
    }

    private static SlackRateLimiter Limiter(TimeProvider clock, IRateBudget? budget) =>
        new(clock, Options.Create(new SlackOptions { BotToken = FakeSlack.BotToken }), budget);

    /// <summary>Every instance's callers open a DM each; time moves only while each instance still calling is parked on a timer.</summary>
    private static async Task<List<DateTimeOffset>> CallAsync(TestClock clock, IReadOnlyList<SlackRateLimiter> instances, IReadOnlyList<WatchedBudget> budgets)
    {
        var (key, limit) = RateLimit.For("conversations.open", null);
        var calls = new ConcurrentQueue<DateTimeOffset>();
        var called = new Pulse();
        var work = instances.Select(limiter => Task.WhenAll(Enumerable.Range(0, CallersEach).Select(_ => Task.Run(async () =>
        {
            using var lease = await limiter.AcquireAsync(key, limit, CancellationToken.None);
            calls.Enqueue(clock.GetUtcNow());
            called.Fire();
        })))).ToList();
        var all = Task.WhenAll(work);
        _ = all.ContinueWith(_ => called.Fire(), TaskScheduler.Default);
        while (!all.IsCompleted)
        {
            var step = await Eventually.ValueAsync(
                () => all.IsCompleted ? TimeSpan.Zero
                    : budgets.Any(b => b.Busy) ? null
                    : Waits(clock) is { Count: > 0 } waits && waits.Count >= work.Count(w => !w.IsCompleted) ? waits[0]
                    : null,
                [clock.Timers, called, .. budgets.Select(b => b.Changed)],
                "every instance waiting for its next call");
            clock.Advance(step!.Value);
        }

        await all;
        return [.. calls.Order()];
    }

    private static List<TimeSpan?> Waits(TestClock clock) =>
        [.. clock.Pending.Where(d => d > TimeSpan.Zero && d <= Minute).Select(d => (TimeSpan?)d)];

    private static int MostInAnyMinute(List<DateTimeOffset> calls) =>
        calls.Max(start => calls.Count(t => t >= start && t < start + Minute));

    private async Task<PostgresDatabase> PoolAsync(TimeProvider clock, bool migrate)
    {
        var database = new PostgresDatabase(Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = _database.Value.ConnectionString }), clock);
        if (migrate)
        {
            await new Migrator(database, clock, NullLogger<Migrator>.Instance).MigrateAsync(default);
        }

        return database;
    }
}
