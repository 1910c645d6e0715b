using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CohortBot.Testing;

/// <summary>
/// A SQLite database the migrations ran on once per test run. Suites of many short tests that are
/// not about migrations start from a copy of it (the migrator then finds nothing to do) instead of
/// running every migration again; the migrations themselves are tested from zero in the storage suite.
/// </summary>
public static class MigratedSqlite
{
    private static readonly Lazy<Task<string>> Template = new(MigrateTemplateAsync);

    /// <summary>Copies the migrated database to <paramref name="path"/>, which must not exist yet.</summary>
    public static async Task CopyToAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(await Template.Value, path);
    }

    private static async Task<string> MigrateTemplateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "cohortbot-tests", "migrated-" + Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.Configure<StorageOptions>(o => o.DatabasePath = path);
        services.AddStorage();
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        }

        // Closing the last connection folds the write-ahead log into the file, so the file alone is the database.
        SqliteConnectionFactory.ReleaseAll();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
