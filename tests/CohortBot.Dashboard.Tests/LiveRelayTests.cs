using System.Diagnostics.Metrics;
using CohortBot.Core.Diagnostics;
using CohortBot.Host.Dashboard;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CohortBot.Dashboard.Tests;

/// <summary>
/// Two instances on one PostgreSQL: a command on one moves the live pages open on the other, over
/// the real LISTEN/NOTIFY, and nobody hears its own news twice.
/// </summary>
public sealed class LiveRelayTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [PostgresFact]
    public async Task AChangeOnOneInstance_MovesTheLivePagesOfTheOther_AndNotItsOwnTwice()
    {
        await using var a = await Instance.StartAsync(_database.ConnectionString);
        await using var b = await Instance.StartAsync(_database.ConnectionString);
        var (aStart, bStart) = (a.Pulse.Version, b.Pulse.Version);

        a.Command("submit");
        await b.Pulse.NextAfterAsync(bStart, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(aStart + 1, a.Pulse.Version);

        // Notifications reach a listener in the order they were sent: a's own comes back to a before
        // b's, so once b's news arrives, a would be one further on had it taken its own as news.
        b.Command("approve");
        await a.Pulse.NextAfterAsync(aStart + 1, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(aStart + 2, a.Pulse.Version);

    }

    private sealed class Instance : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly PostgresLiveRelay _relay;
        private readonly Histogram<double> _commands;

        private Instance(ServiceProvider services, PostgresLiveRelay relay, LivePulse pulse)
        {
            _services = services;
            _relay = relay;
            Pulse = pulse;
            // The measurement every command makes once its reply is ready (CommandMetrics), on this instance's meter.
            _commands = services.GetRequiredService<IMeterFactory>().Create(CohortTelemetry.MeterName).CreateHistogram<double>("cohortbot.command.duration");
        }

        public LivePulse Pulse { get; }

        public static async Task<Instance> StartAsync(string connectionString)
        {
            var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
            var pulse = new LivePulse(services.GetRequiredService<IMeterFactory>());
            var storage = Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = connectionString });
            var relay = new PostgresLiveRelay(pulse, storage, TimeProvider.System, NullLogger<PostgresLiveRelay>.Instance);
            await relay.StartAsync(default);
            await relay.Listening.WaitAsync(TimeSpan.FromSeconds(30));
            return new Instance(services, relay, pulse);
        }

        public void Command(string name) => _commands.Record(1, new KeyValuePair<string, object?>("command", name), new KeyValuePair<string, object?>("outcome", "ok"));

        public async ValueTask DisposeAsync()
        {
            await _relay.StopAsync(default);
            _relay.Dispose();
            Pulse.Dispose();
            await _services.DisposeAsync();
        }
    }
}
