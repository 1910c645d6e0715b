namespace CohortBot.Storage.Backups;

/// <summary>
/// An exclusive lock file beside the database (<c>bot.db.lock</c>), held by a running bot for its
/// whole life and by a restore while it replaces the files, so a restore can tell that a bot is
/// using the database and refuse. The operating system releases it when the process ends, however
/// it ends.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private FileStream? _held;

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".lock";

    /// <summary>Takes the lock; false when another process holds it.</summary>
    public bool TryAcquire(string databasePath)
    {
        if (_held is not null)
        {
            return true;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PathFor(databasePath))!);
            _held = new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }
}
