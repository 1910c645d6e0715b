using CohortBot.Core;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Testing;

/// <summary>
/// The real core and storage wired on a SQLite file in a temp folder, migrated and synced with
/// <see cref="SampleCohort"/>, with a fake clock. For tests that drive commands without a host.
/// </summary>
public sealed class CohortServices : IAsyncDisposable
{
    private const string DatabaseFile = "cohort.db";

    private readonly TempFolder _folder = new();

    private CohortServices(Action<IServiceCollection>? configure)
    {
        Clock = new FakeTimeProvider(SampleCohort.Now);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.Configure<StorageOptions>(o =>
        {
            TestStorage.Configure(o, _folder.File(DatabaseFile), _folder.PostgresDatabase);
            o.ProofDirectory = _folder.File("proofs");
        });
        services.AddCohortCore();
        services.AddStorage();
        services.AddSingleton(new ActiveCohort(SampleCohort.Definition().Slug));
        services.AddSingleton<ICohortResolver, ActiveCohortResolver>();
        configure?.Invoke(services);
        Provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Provider { get; }

    public string Folder => _folder.Path;

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <param name="fromMigrated">
    /// On SQLite, start from a copy of a database the migrations ran on once per test run rather than
    /// migrating this one from zero: for suites of many short tests that are not about migrations.
    /// </param>
    public static async Task<CohortServices> StartAsync(Action<IServiceCollection>? configure = null, CohortDefinition? definition = null, bool fromMigrated = false)
    {
        var services = new CohortServices(configure);
        if (fromMigrated && !TestStorage.Postgres)
        {
            await MigratedSqlite.CopyToAsync(services._folder.File(DatabaseFile));
        }

        await services.Get<Migrator>().MigrateAsync(CancellationToken.None);
        await services.Get<ICohortStore>().SyncAsync(definition ?? SampleCohort.Definition(), services.Clock.GetUtcNow(), CancellationToken.None);
        return services;
    }

    public Task<Reply> RunAsync(string user, string command, params (string Name, object? Value)[] options) =>
        Get<CommandRunner>().RunAsync(Invocation.Create(command, new PlatformUser("test", user, user), options), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        _folder.Dispose();
    }
}
