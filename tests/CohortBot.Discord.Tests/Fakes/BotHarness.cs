using CohortBot.Core;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Discord.Gateway;
using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Discord.Tests.Fakes;

/// <summary>
/// The real core, SQLite storage (a temp file, migrated from zero, cohort synced) and the Discord
/// adapter, wired as the host will wire them, pointed at a <see cref="FakeDiscord"/>.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly string _folder;

    private BotHarness(IHost host, string folder, CapturingLoggerProvider logs)
    {
        Host = host;
        _folder = folder;
        Logs = logs;
    }

    public IHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => Host.Services;

    public GatewayStatus Status => Services.GetRequiredService<GatewayStatus>();

    public static async Task<BotHarness> StartAsync(
        FakeDiscord fake,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        bool start = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cohortbot-discord-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token",
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:GuildId"] = FakeDiscord.GuildId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            // The most Discord allows: on a loaded CI machine a cold first command can take over a second,
            // and tests of the fast path must not turn into tests of the deferral by accident.
            ["Discord:DeferAfter"] = "00:00:02.500",
            ["Discord:ReconnectDelayMin"] = "00:00:00.050",
            ["Discord:ReconnectDelayMax"] = "00:00:00.200",
            ["Discord:HelloTimeout"] = "00:00:05",
            ["Discord:RequestTimeout"] = "00:00:10",
            // The fake's CDN is on loopback: configured as the one file host, private addresses allowed.
            ["Discord:Attachments:AllowedHosts:0"] = fake.BaseUrl,
            ["Discord:Attachments:AllowPrivateAddresses"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CapturingLoggerProvider();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddCohortCore();
        builder.Services.AddSqliteStorage();
        builder.Services.Configure<StorageOptions>(o =>
        {
            o.DatabasePath = Path.Combine(folder, "cohortbot.db");
            o.ProofDirectory = Path.Combine(folder, "proofs");
        });
        builder.Services.AddSingleton(new ActiveCohort(TestCohort.Slug));
        builder.Services.AddSingleton<ICohortResolver, ActiveCohortResolver>();
        builder.Services.AddDiscordAdapter(builder.Configuration);
        configure?.Invoke(builder.Services);

        var host = builder.Build();
        var harness = new BotHarness(host, folder, logs);
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        await host.Services.GetRequiredService<ICohortStore>().SyncAsync(TestCohort.Create(DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, CancellationToken.None);
        if (start)
        {
            await host.StartAsync();
        }

        return harness;
    }

    public async Task WaitForStateAsync(GatewayConnectionState state, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (Status.State != state)
        {
            await Task.Delay(20, cts.Token);
        }
    }

    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }

    public async Task<IReadOnlyList<Submission>> SubmissionsOfAsync(string userId)
    {
        var cohort = await Services.GetRequiredService<ICohortStore>().FindAsync(TestCohort.Slug, CancellationToken.None);
        var participant = await Services.GetRequiredService<IParticipantStore>().FindByIdentityAsync(cohort!.Id, "discord", userId, CancellationToken.None);
        return participant is null ? [] : await Services.GetRequiredService<ISubmissionStore>().LatestWeeklyAsync(participant.Id, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Host.StopAsync(cts.Token);
        }
        finally
        {
            Host.Dispose();
            SqliteConnectionFactory.ReleaseAll();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
