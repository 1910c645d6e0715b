using CohortBot.Core;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Events;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;
using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Organizers.Tests;

/// <summary>
/// The real core and storage over a fresh SQLite file in a temp folder, migrated from zero and
/// synced from <see cref="Cohort"/>; organizers are the terminal users <c>org-a</c> and <c>org-b</c>.
/// </summary>
internal sealed class OrganizerFixture : IAsyncDisposable
{
    public const string OrgA = "org-a";
    public const string OrgB = "org-b";

    /// <summary>The terminal users on <see cref="Cohort"/>'s roster.</summary>
    public static readonly string[] Members = ["minjun", "seoyeon", "jiho", "haeun"];

    private readonly string _dir;
    private readonly Lazy<PostgresTestDatabase> _postgres;

    private OrganizerFixture(string dir, Lazy<PostgresTestDatabase> postgres, ServiceProvider services, FakeTimeProvider clock, CohortBot.Testing.CapturingPlatform dms, CohortBot.Testing.CapturingLogger logs, long cohortId)
    {
        _dir = dir;
        _postgres = postgres;
        Services = services;
        Clock = clock;
        Dms = dms;
        Logs = logs;
        CohortId = cohortId;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public CohortBot.Testing.CapturingPlatform Dms { get; }

    public CohortBot.Testing.CapturingLogger Logs { get; }

    public long CohortId { get; }

    public string Directory => _dir;

    /// <summary>
    /// A small cohort in Asia/Seoul, registration closed: three weeks (each closing a week after its
    /// deadline), one certificate, two events, a roster with Korean names.
    /// </summary>
    public static CohortDefinition Cohort() =>
        new CohortBuilder(SampleCohort.Seoul, SampleCohort.Kst("2026-09-01 00:00"), SampleCohort.Kst("2026-12-31 23:59")) { RegistrationOpen = false }
            .Certificate(SampleCohort.Kst("2026-11-30 23:59"), ("tf", "TensorFlow Developer Certificate"))
            .Week(1, SampleCohort.Kst("2026-09-14 00:00"), SampleCohort.Kst("2026-09-20 23:59"), SampleCohort.Kst("2026-09-27 23:59"), "Week one")
            .Week(2, SampleCohort.Kst("2026-09-21 00:00"), SampleCohort.Kst("2026-09-27 23:59"), SampleCohort.Kst("2026-10-04 23:59"), "Week two")
            .Week(3, SampleCohort.Kst("2026-09-28 00:00"), SampleCohort.Kst("2026-10-04 23:59"), SampleCohort.Kst("2026-10-11 23:59"), "Week three")
            .Event("tt-one", EventKind.TechTalk, SampleCohort.Kst("2026-09-24 20:00"), title: "Talk one", company: "Hyperconnect", speakers: [new("김하늘", "ML engineer")])
            .Event("oh-two", EventKind.OfficeHours, SampleCohort.Kst("2026-10-08 20:00"), title: "Office hours two", company: "Dable", capacity: 10)
            .Member("김민준", "minjun@example.com", ("terminal", "minjun"))
            .Member("이서연", "seoyeon@example.com", ("terminal", "seoyeon"))
            .Member("박지호", "jiho@example.com", ("terminal", "jiho"))
            .Member("Haeun \"Ha\" Choi, Jr.", "haeun@example.com", ("terminal", "haeun"))
            .Build();

    public static async Task<OrganizerFixture> CreateAsync(CohortDefinition? definition = null, Action<IServiceCollection>? configure = null)
    {
        definition ??= Cohort();
        var dir = Path.Combine(Path.GetTempPath(), "cohortbot-org-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var clock = new FakeTimeProvider(SampleCohort.Kst("2026-09-10 09:00"));
        var dms = new CohortBot.Testing.CapturingPlatform(clock);
        var logs = new CohortBot.Testing.CapturingLogger();
        var postgres = new Lazy<PostgresTestDatabase>(() => new PostgresTestDatabase());
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddOptions();
        services.AddSingleton<TimeProvider>(clock);
        services.Configure<StorageOptions>(o =>
        {
            TestStorage.Configure(o, Path.Combine(dir, "db.sqlite"), () => postgres.Value.ConnectionString);
            o.ProofDirectory = Path.Combine(dir, "proofs");
        });
        services.Configure<OrganizerOptions>(o => o.Platforms["terminal"] = new OrganizerSet { Users = { OrgA, OrgB } });
        services.AddCohortCore().AddStorage();
        services.AddSingleton(new ActiveCohort(definition.Slug));
        services.AddSingleton<ICohortResolver, ActiveCohortResolver>();
        services.AddSingleton<IChatPlatform>(dms);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        if (!TestStorage.Postgres)
        {
            await MigratedSqlite.CopyToAsync(Path.Combine(dir, "db.sqlite"));
        }

        await provider.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        var synced = await provider.GetRequiredService<ICohortStore>().SyncAsync(definition, clock.GetUtcNow(), CancellationToken.None);
        return new OrganizerFixture(dir, postgres, provider, clock, dms, logs, synced.CohortId);
    }

    public void At(string kstLocal) => Clock.SetUtcNow(SampleCohort.Kst(kstLocal));

    public Task<Reply> RunAsync(string user, string command, params (string Name, object? Value)[] options) =>
        RunAsync(new Invocation(command, options.ToDictionary(o => o.Name, o => o.Value, StringComparer.OrdinalIgnoreCase), User(user)));

    public async Task<Reply> RunAsync(Invocation invocation)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommandDispatcher>().DispatchAsync(invocation, CancellationToken.None);
    }

    /// <summary>Runs a typed line, as the terminal and Slack do (a line that cannot be read is answered by the dispatcher).</summary>
    public Task<Reply> TypeAsync(string user, string line) => RunAsync(TextCommandParser.Parse(line).ToInvocation(User(user)));

    /// <summary>The platform user as the terminal reports them, named as on the roster so the name is not "refreshed".</summary>
    public static PlatformUser User(string user) =>
        new("terminal", user, Cohort().Roster.FirstOrDefault(r => r.PlatformIds.GetValueOrDefault("terminal") == user)?.Name ?? user);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnectionFactory.ReleaseAll();
        if (_postgres.IsValueCreated)
        {
            _postgres.Value.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
