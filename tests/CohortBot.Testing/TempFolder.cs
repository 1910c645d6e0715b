using CohortBot.Storage.Sqlite;

namespace CohortBot.Testing;

/// <summary>A fresh folder under the system temp directory, deleted (with its SQLite files, or its PostgreSQL database) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private readonly Lazy<PostgresTestDatabase> _postgres = new(() => new PostgresTestDatabase());

    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cohortbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>This folder's own PostgreSQL database (created on first use, dropped with the folder).</summary>
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
            // A handle still closing on a slow machine: the OS temp cleaner gets it later.
        }
    }
}
