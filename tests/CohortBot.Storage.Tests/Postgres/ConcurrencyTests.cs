using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Inbound;
using CohortBot.Core.Outbox;
using CohortBot.Core.Participants;
using CohortBot.Core.Reviews;
using CohortBot.Storage.Outbox;
using CohortBot.Storage.Postgres;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CohortBot.Storage.Tests.Postgres;

/// <summary>
/// What SQLite gets from its one writer (BEGIN IMMEDIATE) must hold on PostgreSQL between two bot
/// instances: here two service providers, each with its own connection pool, on one database, their
/// writes started together so their transactions overlap. The last seat, a review claim, a delivery
/// and an inbox entry each go to exactly one of them.
/// </summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [PostgresFact]
    public async Task LastSeats_RacedFromTwoInstances_GoToExactlyAsManyAsThereAreSeats()
    {
        await using var a = await InstanceAsync();
        await using var b = await InstanceAsync();
        var cohort = await CohortAsync(a);
        var ids = new List<long>();
        for (var i = 0; i < 16; i++)
        {
            ids.Add((await a.Get<IParticipantStore>().RegisterAsync(cohort.Id, new PlatformUser("test", $"p{i}", $"P{i}"), a.Clock.GetUtcNow(), default)).Id);
        }

        var officeHour = (await a.Get<IEventStore>().FindAsync(cohort.Id, "oh-dable", default))!;
        Assert.Equal(2, officeHour.Capacity);

        using var start = new Barrier(ids.Count);
        var outcomes = await Task.WhenAll(ids.Select((id, i) => Task.Run(() =>
        {
            start.SignalAndWait();
            var instance = i % 2 == 0 ? a : b;
            return instance.Get<IEventStore>().RsvpAsync(officeHour, id, instance.Clock.GetUtcNow(), default);
        })));

        Assert.Equal(2, outcomes.Count(o => o.Status == RsvpStatus.Going));
        Assert.Equal(Enumerable.Range(1, 14), outcomes.Where(o => o.Status == RsvpStatus.Waitlisted).Select(o => o.WaitlistPosition!.Value).Order());
        var seats = await b.Get<IEventStore>().SeatsAsync([officeHour.Id], default);
        Assert.Equal((2, 14), (seats[officeHour.Id].Going, seats[officeHour.Id].Waitlisted));
    }

    [PostgresFact]
    public async Task ReviewClaims_FromTwoInstancesAtOnce_NeverHandOneProofToBoth()
    {
        await using var a = await InstanceAsync();
        await using var b = await InstanceAsync();
        for (var i = 0; i < 8; i++)
        {
            var reply = await a.RunAsync($"p{i}", "submit", ("week", 2L), ("url", $"https://coursera.org/verify/RACE{i}"));
            Assert.NotEqual(Core.Commands.ReplyTone.Error, reply.Tone);
        }

        var cohort = await CohortAsync(a);
        using var start = new Barrier(8);
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            start.SignalAndWait();
            var instance = i % 2 == 0 ? a : b;
            return instance.Get<IReviewQueue>().ClaimNextAsync(cohort.Id, null, $"test:reviewer{i}", instance.Clock.GetUtcNow(), TimeSpan.FromMinutes(10), default);
        })));

        var claimed = claims.Select(c => Assert.IsType<ReviewItem>(c).Proof).ToList();
        Assert.Equal(8, claimed.Distinct().Count());
        await using var db = await a.Get<Database>().OpenAsync(default);
        Assert.Equal(8, await db.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT claimed_by) FROM submissions WHERE claimed_by IS NOT NULL"));
    }

    [PostgresFact]
    public async Task OneDelivery_ClaimedByTwoInstancesAtOnce_IsClaimedOnce()
    {
        await using var a = await InstanceAsync();
        await using var b = await InstanceAsync();
        var cohort = await CohortAsync(a);
        for (var round = 0; round < 10; round++)
        {
            var key = new DeliveryKey("deadline", $"week-2@{round}", "discord:42", TimeSpan.FromHours(24));
            using var start = new Barrier(2);
            var results = await Task.WhenAll(new[] { (a, "run-a"), (b, "run-b") }.Select(x => Task.Run(() =>
            {
                start.SignalAndWait();
                return x.Item1.Get<IDeliveryLedger>().ClaimAsync(cohort.Id, key, x.Item1.Clock.GetUtcNow(), x.Item2, x.Item1.Clock.GetUtcNow(), default);
            })));

            Assert.Single(results, r => r.Status == ClaimStatus.Claimed);
        }
    }

    [PostgresFact]
    public async Task ALiveInstancesClaim_IsLeftAlone_ADeadOnesIsTakenOver()
    {
        var b = await InstanceAsync();
        await using (b)
        {
            await using var a = await InstanceAsync();
            var cohort = await CohortAsync(a);
            var key = new DeliveryKey("deadline", "week-3", "discord:7", TimeSpan.FromHours(2));
            var now = a.Clock.GetUtcNow();
            Assert.Equal(ClaimStatus.Claimed, (await b.Get<IDeliveryLedger>().ClaimAsync(cohort.Id, key, now, "run-b", now, default)).Status);

            // b is alive (it holds its run's lease): its claim is not a leftover, for the claim or the sweep.
            Assert.Equal(ClaimStatus.Busy, (await a.Get<IDeliveryLedger>().ClaimAsync(cohort.Id, key, now, "run-a", now, default)).Status);
            Assert.Empty(await a.Get<IDeliveryLedger>().PendingAsync("run-a", now, 0, 10, default));

            await b.DisposeAsync(); // b's process ends: the server lets go of its lease
            Assert.Single(await a.Get<IDeliveryLedger>().PendingAsync("run-a", now, 0, 10, default));
            Assert.Equal(ClaimStatus.Claimed, (await a.Get<IDeliveryLedger>().ClaimAsync(cohort.Id, key, now, "run-a", now, default)).Status);
        }
    }

    [PostgresFact]
    public async Task ADeadRunsClaim_IsTakenOver_EvenWhileAnotherInstanceChecksTheSameRun()
    {
        await using var a = await InstanceAsync();
        var cohort = await CohortAsync(a);
        var key = new DeliveryKey("deadline", "week-3", "discord:7", TimeSpan.FromHours(2));
        var now = a.Clock.GetUtcNow();
        await using (var b = await InstanceAsync())
        {
            Assert.Equal(ClaimStatus.Claimed, (await b.Get<IDeliveryLedger>().ClaimAsync(cohort.Id, key, now, "run-b", now, default)).Status);
        }

        // Another instance (its sweep, or its own claim) is in the middle of asking whether run-b is dead.
        await using var other = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await other.OpenAsync();
        await using var checking = await other.BeginTransactionAsync();
        Assert.True(await other.ExecuteScalarAsync<bool>(OutboxLedger.RunIsDeadPostgres, new { claimedBy = "run-b" }, checking));

        // Its question must not make the dead run look alive to this one: the leftover is pending and taken over now, not a sweep later.
        Assert.Single(await a.Get<IDeliveryLedger>().PendingAsync("run-a", now, 0, 10, default));
        Assert.Equal(ClaimStatus.Claimed, (await a.Get<IDeliveryLedger>().ClaimAsync(cohort.Id, key, now, "run-a", now, default)).Status);
    }

    [PostgresFact]
    public async Task OneInboxDelivery_AcceptedByTwoInstancesAtOnce_IsAcceptedOnce()
    {
        await using var a = await InstanceAsync();
        await using var b = await InstanceAsync();
        for (var round = 0; round < 10; round++)
        {
            var entry = new InboxEntry("discord", $"interaction-{round}", "command", "42", "{}", a.Clock.GetUtcNow());
            using var start = new Barrier(2);
            var accepted = await Task.WhenAll(new[] { a, b }.Select(x => Task.Run(() =>
            {
                start.SignalAndWait();
                return x.Get<IInbox>().AcceptAsync(entry, default);
            })));

            Assert.Single(accepted, ok => ok);
        }
    }

    [PostgresFact]
    public async Task AnInstancesUnansweredDelivery_IsLeftToIt_WhileItRuns_AndTakenOverByOneOtherOnceItIsGone()
    {
        await using var b = await InstanceAsync();
        await using var c = await InstanceAsync();
        var a = await InstanceAsync();
        var entry = new InboxEntry("slack", "envelope-1", "slash_commands", "U1", "{}", a.Clock.GetUtcNow().AddMinutes(-1));
        Assert.True(await a.Get<IInbox>().AcceptAsync(entry, default));
        var now = a.Clock.GetUtcNow();

        // Another instance's sweep leaves it alone while its own process runs; that one sees it (its overflow, its retries).
        Assert.Empty(await b.Get<IInbox>().UnansweredAsync(now, null, 10, default));
        Assert.Single(await a.Get<IInbox>().UnansweredAsync(now, null, 10, default));

        // The process ends (its sessions, and with them its run's lease, go): the others see it, and one of them takes it.
        await a.DisposeAsync();
        var seenByB = Assert.Single(await b.Get<IInbox>().UnansweredAsync(now, null, 10, default));
        var seenByC = Assert.Single(await c.Get<IInbox>().UnansweredAsync(now, null, 10, default));
        using var start = new Barrier(2);
        var taken = await Task.WhenAll(new[] { (b, seenByB), (c, seenByC) }.Select(x => Task.Run(() =>
        {
            start.SignalAndWait();
            return x.Item1.Get<IInbox>().TakeAsync(x.Item2, default);
        })));

        Assert.Single(taken, ok => ok);
        var keeper = taken[0] ? b : c;
        var other = taken[0] ? c : b;
        Assert.Single(await keeper.Get<IInbox>().UnansweredAsync(now, null, 10, default));
        Assert.Empty(await other.Get<IInbox>().UnansweredAsync(now, null, 10, default));
    }

    [PostgresFact]
    public async Task TwoInstancesStartingTogether_MigrateOnce()
    {
        var options = Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = _database.ConnectionString });
        await using var first = new PostgresDatabase(options);
        await using var second = new PostgresDatabase(options);
        var applied = await Task.WhenAll(
            Task.Run(() => new Migrator(first, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(default)),
            Task.Run(() => new Migrator(second, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(default)));

        Assert.Equal(Migrator.EmbeddedPostgres.Count, applied.Sum());
        Assert.Contains(0, applied);
        await using var db = await first.OpenAsync(default);
        Assert.Equal(Migrator.EmbeddedPostgres.Select(m => (long)m.Version), await db.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"));
    }

    [PostgresFact]
    public async Task AConflictingTransaction_IsRunAgain_NotFailed()
    {
        await using var a = await InstanceAsync();
        var database = Assert.IsType<PostgresDatabase>(a.Get<Database>());
        await database.ExecuteAsync("CREATE TABLE counter (n BIGINT NOT NULL)", null, default);
        await database.ExecuteAsync("INSERT INTO counter (n) VALUES (0)", null, default);

        // Read-then-write increments: under SERIALIZABLE two overlapping ones cannot both commit,
        // so without the retry some would fail (40001) and with a lost update the sum would be short.
        // Every first attempt reads before any of them writes (a signal, not a delay), so they overlap for certain.
        var reads = 0;
        var allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var first = true;
            return database.InTransactionAsync(async (db, tx) =>
            {
                var n = await db.ExecuteScalarAsync<long>("SELECT n FROM counter", transaction: tx);
                if (first)
                {
                    first = false;
                    if (Interlocked.Increment(ref reads) == 8)
                    {
                        allRead.TrySetResult();
                    }

                    await allRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
                }

                return await db.ExecuteAsync("UPDATE counter SET n = @n", new { n = n + 1 }, tx);
            }, default);
        })));

        await using var check = await database.OpenAsync(default);
        Assert.Equal(8, await check.ExecuteScalarAsync<long>("SELECT n FROM counter"));
        Assert.True(database.Retries > 0, "the increments overlapped, so some must have been run again");
    }

    private async Task<CohortServices> InstanceAsync() =>
        await CohortServices.StartAsync(s => s.Configure<StorageOptions>(o =>
        {
            o.Provider = StorageProviders.Postgres;
            o.ConnectionString = _database.ConnectionString;
        }));

    private static async Task<Cohort> CohortAsync(CohortServices services) =>
        (await services.Get<ICohortStore>().FindAsync(SampleCohort.Definition().Slug, default))!;
}
