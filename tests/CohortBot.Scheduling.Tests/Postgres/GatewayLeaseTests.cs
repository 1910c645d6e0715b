using CohortBot.Discord.Gateway;
using CohortBot.Fakes;
using CohortBot.Host.ScaleOut;
using CohortBot.Storage.Postgres;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CohortBot.Scheduling.Tests.Postgres;

/// <summary>
/// The Discord Gateway's lease between instances: one holder at a time, and when the holder's
/// database session dies (as it does with its process), another instance starts the service.
/// Real PostgreSQL, a fake clock per instance; the services guarded are stand-ins that count starts and stops.
/// </summary>
public sealed class GatewayLeaseTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly string _name = "test-lease-" + Guid.NewGuid().ToString("N");

    public void Dispose() => _database.Dispose();

    [PostgresFact]
    public async Task ALease_HasOneHolder_UntilItLetsGo()
    {
        var first = await PostgresLease.TryAcquireAsync(_database.ConnectionString, _name, default);
        Assert.NotNull(first);
        Assert.Null(await PostgresLease.TryAcquireAsync(_database.ConnectionString, _name, default));

        await first.DisposeAsync();
        await using var second = await PostgresLease.TryAcquireAsync(_database.ConnectionString, _name, default);
        Assert.NotNull(second);
    }

    [PostgresFact]
    public async Task TwoInstances_RunTheGatewayOnOne_AndTheOtherTakesOverWhenItsSessionDies()
    {
        var changed = new Pulse();
        var one = new CountingService(changed);
        var two = new CountingService(changed);
        // Each instance on its own clock that tells when it parks on a timer: the test moves them.
        var clockOne = new ParkingClock(changed);
        var clockTwo = new ParkingClock(changed);
        var a = Leased(one, clockOne);
        var b = Leased(two, clockTwo);
        await a.StartAsync(default);
        await b.StartAsync(default);
        try
        {
            await Eventually.TrueAsync(() => one.Running || two.Running, changed, "one instance to run the gateway");
            var (holder, standby) = one.Running ? (one, two) : (two, one);
            var (holderClock, standbyClock) = one.Running ? (clockOne, clockTwo) : (clockTwo, clockOne);

            // The standby tries again at every interval, and is refused every time while the lease is held.
            for (var retry = 1; retry <= 3; retry++)
            {
                await Eventually.TrueAsync(() => standbyClock.Parked >= retry, changed, $"the standby's try {retry}");
                standbyClock.Advance(LeasedHostedService.RetryInterval);
            }

            await Eventually.TrueAsync(() => standbyClock.Parked >= 4, changed, "the standby's fourth try");
            Assert.True(holder.Running && !standby.Running, "exactly one instance runs the gateway");
            Assert.Equal(0, standby.Starts);

            // The holder's process dies: the server ends its session and the lock with it.
            Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cohortbot lease {_name}'");

            // The server may take a moment to let the lock go: the standby tries at each interval until it has it.
            var tries = standbyClock.Parked;
            standbyClock.Advance(LeasedHostedService.RetryInterval);
            await Eventually.TrueAsync(() =>
            {
                if (!standby.Running && standbyClock.Parked > tries)
                {
                    tries = standbyClock.Parked;
                    standbyClock.Advance(LeasedHostedService.RetryInterval);
                }

                return standby.Running;
            }, changed, "the standby to take over");
            holderClock.Advance(LeasedHostedService.RetryInterval);
            await Eventually.TrueAsync(() => !holder.Running, changed, "the old holder to see its lease gone and stop");
            Assert.Equal(1, standby.Starts);
        }
        finally
        {
            await a.StopAsync(default);
            await b.StopAsync(default);
        }

        Assert.False(one.Running || two.Running);
    }

    [PostgresFact]
    public async Task TheStandby_IsHealthy_TheHolder_ReportsItsGateway()
    {
        var changed = new Pulse();
        var one = new CountingService(changed);
        var two = new CountingService(changed);
        var a = Leased(one, new FakeTimeProvider());
        var b = Leased(two, new FakeTimeProvider());
        await a.StartAsync(default);
        await b.StartAsync(default);
        try
        {
            await Eventually.TrueAsync(() => one.Running || two.Running, changed, "one instance to run the gateway");
            var (holder, standby) = one.Running ? (a, b) : (b, a);
            // The holder's own check: the Gateway's, here not connected yet.
            var gateway = new DiscordGatewayHealthCheck(new GatewayStatus(TimeProvider.System));

            var standbyHealth = await new LeasedHealthCheck(standby, gateway).CheckHealthAsync(new HealthCheckContext());
            var holderHealth = await new LeasedHealthCheck(holder, gateway).CheckHealthAsync(new HealthCheckContext());

            Assert.Equal(HealthStatus.Healthy, standbyHealth.Status);
            Assert.Contains("Standby", standbyHealth.Description, StringComparison.Ordinal);
            Assert.Equal(HealthStatus.Degraded, holderHealth.Status);
            Assert.Contains("disconnected", holderHealth.Description, StringComparison.Ordinal);
        }
        finally
        {
            await a.StopAsync(default);
            await b.StopAsync(default);
        }
    }

    [PostgresFact]
    public async Task OnPostgres_TheHostsGatewayCheck_IsTheLeasedOne()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("cohort.yaml"), SampleCohort.Yaml);
        using var host = CohortBot.Host.CohortBotHost.Build(
        [
            "--Cohort:File=" + folder.File("cohort.yaml"),
            "--Storage:Provider=postgres",
            "--Storage:ConnectionString=" + _database.ConnectionString,
            "--Storage:ProofDirectory=" + folder.File("proofs"),
            "--Terminal:Enabled=false",
            "--Discord:Token=test-token",
            "--Discord:ApplicationId=1",
            "--Discord:GuildId=2",
        ]);

        // Not started: this instance holds nothing yet, so it is a standby, and healthy as one.
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == GatewayLease.Name);

        var entry = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("Standby", entry.Description, StringComparison.Ordinal);
    }

    private LeasedHostedService Leased(IHostedService inner, TimeProvider clock) =>
        new(inner, _name, _database.ConnectionString, clock, NullLogger<LeasedHostedService>.Instance);

    /// <summary>A fake clock that counts the timers set on it (each retry's wait) and says so.</summary>
    private sealed class ParkingClock(Pulse changed) : FakeTimeProvider
    {
        private int _parked;

        public int Parked => Volatile.Read(ref _parked);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Interlocked.Increment(ref _parked);
                changed.Fire();
            }

            return timer;
        }
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestStorage.RequiredServer) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private sealed class CountingService(Pulse changed) : IHostedService
    {
        private int _starts;
        private int _running;

        public int Starts => Volatile.Read(ref _starts);

        public bool Running => Volatile.Read(ref _running) == 1;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _starts);
            Volatile.Write(ref _running, 1);
            changed.Fire();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Volatile.Write(ref _running, 0);
            changed.Fire();
            return Task.CompletedTask;
        }
    }
}
