using System.Collections.Concurrent;
using CohortBot.Fakes;
using CohortBot.Host.Scheduling;
using CohortBot.Storage;
using CohortBot.Storage.Postgres;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace CohortBot.Scheduling.Tests.Postgres;

/// <summary>
/// Quartz's clustered store as the bot configures it (<see cref="ClusteredStore"/>), on the tables
/// the bot's migrator creates: two schedulers on one database, on the real clock with a one-second
/// check-in. A trigger fires on exactly one of them; when the one running a job dies (its database
/// login is revoked and its connections cut, so it can neither check in nor finish), the other
/// recovers the job.
/// </summary>
public sealed class ClusterTests : IDisposable
{
    private static readonly ConcurrentQueue<Fired> Log = new();
    private static readonly CancellationTokenSource Release = new();

    /// <summary>Fires whenever a job logs its firing.</summary>
    private static readonly Pulse Logged = new();

    private readonly PostgresTestDatabase _database = new();
    private readonly string _run = Guid.NewGuid().ToString("N");
    private readonly List<string> _roles = [];

    public void Dispose()
    {
        _database.Dispose();
        foreach (var role in _roles)
        {
            Admin($"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    [PostgresFact]
    public async Task TwoSchedulersOnOneDatabase_FireEachTriggerOnce()
    {
        await MigrateAsync();
        await using var a = await StartAsync(_database.ConnectionString);
        await using var b = await StartAsync(_database.ConnectionString);

        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        for (var i = 0; i < 12; i++)
        {
            var job = JobBuilder.Create<RecordingJob>().WithIdentity($"j{i}", _run).UsingJobData("run", _run).Build();
            await (i % 2 == 0 ? a : b).Scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity($"t{i}", _run).StartAt(at).Build());
        }

        await Eventually.TrueAsync(() => Mine().Count() >= 12, Logged, "the 12 firings");
        // Both stop after finishing what they run: nothing fires after this, everything fired is logged.
        await Task.WhenAll(a.Scheduler.Shutdown(waitForJobsToComplete: true).AsTask(), b.Scheduler.Shutdown(waitForJobsToComplete: true).AsTask());

        var fired = Mine().ToList();
        Assert.Equal(12, fired.Count);
        Assert.Equal(12, fired.Select(f => f.Job).Distinct().Count());
        Assert.All(fired, f => Assert.Contains(f.Instance, new[] { a.Scheduler.SchedulerInstanceId, b.Scheduler.SchedulerInstanceId }));
    }

    [PostgresFact]
    public async Task WhenTheInstanceRunningAJobDies_TheOtherRecoversIt()
    {
        await MigrateAsync();
        var role = "cohortbot_dying_" + _run;
        _roles.Add(role);
        Admin($"CREATE ROLE \"{role}\" LOGIN SUPERUSER");
        var dyingConnection = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = role, Pooling = false }.ConnectionString;

        var dying = await StartAsync(dyingConnection);
        try
        {
            var job = JobBuilder.Create<BlockingJob>().WithIdentity("long", _run).UsingJobData("run", _run).RequestRecovery().Build();
            await dying.Scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity("long", _run).StartNow().Build());
            await Eventually.TrueAsync(() => Mine().Any(), Logged, "the long job to start");
            Assert.Equal(dying.Scheduler.SchedulerInstanceId, Mine().Single().Instance);

            await using var survivor = await StartAsync(_database.ConnectionString);
            // The instance dies: it can no longer log in, and its open connections are cut.
            Admin($"ALTER ROLE \"{role}\" NOLOGIN");
            Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");

            await Eventually.TrueAsync(() => Mine().Any(f => f.Instance == survivor.Scheduler.SchedulerInstanceId), Logged, "the survivor to recover the job");
            var recovered = Mine().Single(f => f.Instance == survivor.Scheduler.SchedulerInstanceId);
            Assert.True(recovered.Recovering);
            Assert.Equal(2, Mine().Count());
        }
        finally
        {
            // The test is over: let the "dead" instance reach the database again before it is shut down.
            // Quartz retries a job's completion and its trigger acquisition until the database answers,
            // and its shutdown waits for both: without this the shutdown hung for good (seen once in a soak).
            Admin($"ALTER ROLE \"{role}\" LOGIN");
            await Release.CancelAsync();
            await dying.DisposeAsync();
        }
    }

    private IEnumerable<Fired> Mine() => Log.Where(f => f.Run == _run);

    private async Task MigrateAsync()
    {
        var options = Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = _database.ConnectionString });
        await using var database = new PostgresDatabase(options);
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(default);
    }

    private static async Task<Node> StartAsync(string connectionString)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddClusteredQuartz(connectionString, TimeSpan.FromSeconds(1));
        var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return new Node(provider, scheduler);
    }

    private void Admin(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestStorage.RequiredServer) { Pooling = false };
        using var connection = new NpgsqlConnection(admin.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private sealed record Fired(string Run, string Job, string Instance, bool Recovering);

    private sealed class Node(ServiceProvider provider, IScheduler scheduler) : IAsyncDisposable
    {
        public IScheduler Scheduler { get; } = scheduler;

        public async ValueTask DisposeAsync()
        {
            try
            {
                await Scheduler.Shutdown(waitForJobsToComplete: false);
            }
            catch (SchedulerException)
            {
                // The "dead" instance cannot reach the database to say goodbye: that is the point.
            }

            await provider.DisposeAsync();
        }
    }

    private sealed class RecordingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Log.Enqueue(new Fired(context.MergedJobDataMap.GetString("run")!, context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.Recovering));
            Logged.Fire();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class BlockingJob : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Log.Enqueue(new Fired(context.MergedJobDataMap.GetString("run")!, context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.Recovering));
            Logged.Fire();
            // Runs until the test ends (or its scheduler shuts down): a fan-out still going when its instance dies.
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Release.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, both.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
