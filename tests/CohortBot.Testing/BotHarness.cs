using CohortBot.Core;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Inbound;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;
using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Testing;

/// <summary>
/// The one bot harness: the real core and SQLite storage (a temp file, migrated from zero, the
/// cohort synced in) in a generic host on a <see cref="TestClock"/>, with whatever adapters
/// <see cref="BotSetup.Services"/> adds, wired as the host wires them. Logs are captured.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private BotHarness(IHost host, TempFolder folder, TestClock clock, CapturingLogger logs, long cohortId)
    {
        Host = host;
        _folder = folder;
        Clock = clock;
        Logs = logs;
        CohortId = cohortId;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public TestClock Clock { get; }

    public CapturingLogger Logs { get; }

    public long CohortId { get; }

    public string Folder => _folder.Path;

    public static async Task<BotHarness> StartAsync(CohortDefinition cohort, BotSetup? setup = null, bool start = true)
    {
        setup ??= new BotSetup();
        var folder = new TempFolder();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = folder.File("cohortbot.db"),
            ["Storage:ProofDirectory"] = folder.File("proofs"),
        };
        foreach (var (key, value) in setup.Settings)
        {
            settings[key] = value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturingLogger();
        builder.Logging.SetMinimumLevel(setup.MinimumLogLevel);
        builder.Logging.AddProvider(logs);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<TimeProvider>(setup.Clock);
        builder.Services.AddCohortCore();
        builder.Services.AddSqliteStorage();
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddOptions<InboundOptions>().Bind(builder.Configuration.GetSection(InboundOptions.Section));
        builder.Services.AddOptions<OrganizerOptions>().Configure(o => builder.Configuration.GetSection(OrganizerOptions.Section).Bind(o.Platforms));
        builder.Services.AddSingleton(new ActiveCohort(cohort.Slug));
        builder.Services.AddSingleton<ICohortResolver, ActiveCohortResolver>();
        setup.Services?.Invoke(builder.Services, builder.Configuration);

        var host = builder.Build();
        try
        {
            // Harness tests are not about migrations: start from a copy of a database migrated once per run.
            if (settings["Storage:DatabasePath"] is { } database && !File.Exists(database))
            {
                await MigratedSqlite.CopyToAsync(database);
            }

            await host.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
            var sync = await host.Services.GetRequiredService<ICohortStore>().SyncAsync(cohort, setup.Clock.GetUtcNow(), CancellationToken.None);
            var harness = new BotHarness(host, folder, setup.Clock, logs, sync.CohortId);
            if (start)
            {
                await host.StartAsync();
            }

            return harness;
        }
        catch
        {
            host.Dispose();
            folder.Dispose();
            throw;
        }
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public Task StartHostAsync() => Host.StartAsync();

    /// <summary>Runs a command as <paramref name="user"/> of <paramref name="platform"/>, through the dispatcher in its own scope.</summary>
    public Task<Reply> RunAsync(string platform, string user, string command, params (string Name, object? Value)[] options) =>
        Get<CommandRunner>().RunAsync(Invocation.Create(command, new PlatformUser(platform, user, user), options), CancellationToken.None);

    public Task<Participant?> ParticipantAsync(string platform, string userId) =>
        Get<IParticipantStore>().FindByIdentityAsync(CohortId, platform, userId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync(CancellationToken.None);
        }
        finally
        {
            Host.Dispose();
            _folder.Dispose();
        }
    }
}
