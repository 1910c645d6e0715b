using CohortBot.Host.ScaleOut;
using CohortBot.Storage.Postgres;
using CohortBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CohortBot.Scheduling.Tests.Postgres;

/// <summary>
/// The Discord Gateway's lease between instances: one holder at a time, and when the holder's
/// database session dies (as it does with its process), another instance starts the service.
/// Real clock, real PostgreSQL; the services guarded are stand-ins that count starts and stops.
/// </summary>
public sealed class GatewayLeaseTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly string _name = "test-lease-" + Guid.NewGuid().ToString("N");

    public GatewayLeaseTests() => LeasedHostedService.RetryInterval = TimeSpan.FromMilliseconds(200);

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
        var one = new CountingService();
        var two = new CountingService();
        var a = Leased(one);
        var b = Leased(two);
        await a.StartAsync(default);
        await b.StartAsync(default);
        try
        {
            await WaitUntilAsync(() => one.Running || two.Running);
            await Task.Delay(1000); // several retries by the other one
            Assert.True(one.Running ^ two.Running, "exactly one instance runs the gateway");
            var (holder, standby) = one.Running ? (one, two) : (two, one);
            Assert.Equal(0, standby.Starts);

            // The holder's process dies: the server ends its session and the lock with it.
            Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cohortbot lease {_name}'");

            await WaitUntilAsync(() => standby.Running);
            await WaitUntilAsync(() => !holder.Running); // the old holder saw its lease gone and stopped
            Assert.Equal(1, standby.Starts);
        }
        finally
        {
            await a.StopAsync(default);
            await b.StopAsync(default);
        }

        Assert.False(one.Running || two.Running);
    }

    private LeasedHostedService Leased(IHostedService inner) =>
        new(inner, _name, _database.ConnectionString, TimeProvider.System, NullLogger<LeasedHostedService>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "not within 20 s");
            await Task.Delay(50);
        }
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestStorage.RequiredServer) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private sealed class CountingService : IHostedService
    {
        private int _starts;
        private int _running;

        public int Starts => Volatile.Read(ref _starts);

        public bool Running => Volatile.Read(ref _running) == 1;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _starts);
            Volatile.Write(ref _running, 1);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Volatile.Write(ref _running, 0);
            return Task.CompletedTask;
        }
    }
}
