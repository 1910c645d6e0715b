using CohortBot.Core.Cohorts;
using CohortBot.Core.Notifications;
using CohortBot.Core.Participants;
using CohortBot.Host;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Scheduling.Tests;

/// <summary>
/// The real host (composition root, migrations, cohort sync, Quartz) on a temp SQLite file, with a
/// fake clock and a capturing platform. Stopping and starting another on the same folder is a restart.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly IHost _host;

    private BotUnderTest(IHost host, CapturingPlatform platform, FakeTimeProvider clock)
    {
        _host = host;
        Platform = platform;
        Clock = clock;
    }

    public CapturingPlatform Platform { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<BotUnderTest> StartAsync(TestFolder folder, TestCohort cohort, DateTimeOffset now, params string[] settings)
    {
        File.WriteAllText(folder.CohortFile, cohort.ToYaml());
        var clock = new FakeTimeProvider(now);
        var platform = new CapturingPlatform(clock);
        string[] args =
        [
            $"--Cohort:File={folder.CohortFile}",
            .. TestStorage.HostArguments(folder.Database, folder.PostgresDatabase),
            $"--Storage:ProofDirectory={Path.Combine(folder.Path, "proofs")}",
            "--Terminal:Enabled=false",
            "--Logging:LogLevel:Default=" + (Environment.GetEnvironmentVariable("TEST_LOG") ?? "Warning"),
            "--Logging:LogLevel:Quartz=" + (Environment.GetEnvironmentVariable("TEST_LOG") ?? "Warning"),
            .. settings,
        ];
        var host = CohortBotHost.Build(args, b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Services.AddSingleton<IChatPlatform>(platform);
        });
        await host.StartAsync();
        return new BotUnderTest(host, platform, clock);
    }

    /// <summary>Moves the fake clock to <paramref name="instant"/> and gives the scheduler real time to act.</summary>
    /// <remarks>
    /// Moves in steps of at most <see cref="MaxStep"/>, letting the scheduler loop see each: one jump
    /// of days lands the loop's misfire scan on every trigger at once, which is not what a real
    /// clock does.
    /// </remarks>
    public async Task AdvanceToAsync(DateTimeOffset instant, int settleMs = 300)
    {
        while (Clock.GetUtcNow() + MaxStep < instant)
        {
            Clock.Advance(MaxStep);
            // Quartz's clustered store (the PostgreSQL pass) finds due triggers with queries, not in memory: it needs more real time per step.
            await Task.Delay(TestStorage.Postgres ? 40 : 5);
        }

        Clock.SetUtcNow(instant);
        await Task.Delay(settleMs);
    }

    public static TimeSpan MaxStep { get; set; } = TimeSpan.FromHours(1);

    public async Task<Participant> ParticipantAsync(string name)
    {
        var cohort = await CohortAsync();
        return (await Services.GetRequiredService<IParticipantStore>().FindByIdentityAsync(cohort.Id, "terminal", name, CancellationToken.None))!;
    }

    public async Task<Cohort> CohortAsync() =>
        (await Services.GetRequiredService<ICohortStore>().FindAsync("test-cohort", CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnectionFactory.ReleaseAll();
    }
}

/// <summary>A temp folder holding one bot's database and cohort file; deleted at the end.</summary>
public sealed class TestFolder : IDisposable
{
    private readonly Lazy<PostgresTestDatabase> _postgres = new(() => new PostgresTestDatabase());

    public string Path { get; } = Directory.CreateTempSubdirectory("cohortbot-sched-").FullName;

    public string Database => System.IO.Path.Combine(Path, "db.sqlite");

    public string CohortFile => System.IO.Path.Combine(Path, "cohort.yaml");

    /// <summary>The folder's PostgreSQL database, for the PostgreSQL pass: every bot started on this folder shares it.</summary>
    public string PostgresDatabase() => _postgres.Value.ConnectionString;

    public void Dispose()
    {
        SqliteConnectionFactory.ReleaseAll();
        if (_postgres.IsValueCreated)
        {
            _postgres.Value.Dispose();
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
