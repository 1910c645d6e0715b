using CohortBot.Storage.Sqlite;

namespace CohortBot.Testing;

/// <summary>A fresh folder under the system temp directory, deleted (with its SQLite files) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cohortbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnectionFactory.ReleaseAll();
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
