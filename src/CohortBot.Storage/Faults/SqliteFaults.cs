using CohortBot.Core.Faults;
using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace CohortBot.Storage.Faults;

/// <summary>SQLite's result codes and the file system's errors, mapped to the faults a user is told about.</summary>
public sealed class SqliteFaults : IStorageFaults
{
    private const int NoSpace = 28; // ENOSPC
    private const int ReadOnlyFileSystem = 30; // EROFS
    private const int DiskQuota = 122; // EDQUOT
    private const int WindowsDiskFull = 112; // ERROR_DISK_FULL

    public StorageFault? Classify(Exception exception) => Of(exception);

    /// <summary>The fault, looking through inner and aggregated exceptions.</summary>
    public static StorageFault? Of(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (Direct(ex) is { } fault)
            {
                return fault;
            }

            if (ex is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(Of).FirstOrDefault(f => f is not null);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the connection that saw it may itself be stuck in the fault (SQLite caches a file's
    /// read-only state and may have rolled the whole transaction back): the writer then opens a new one.
    /// </summary>
    public static bool TaintsConnection(Exception exception) => Of(exception) is not null;

    private static StorageFault? Direct(Exception ex) => ex switch
    {
        SqliteException s => s.SqliteErrorCode switch
        {
            SQLITE_BUSY or SQLITE_LOCKED => StorageFault.Busy,
            SQLITE_READONLY or SQLITE_PERM => StorageFault.ReadOnly,
            SQLITE_FULL => StorageFault.Full,
            SQLITE_CORRUPT or SQLITE_NOTADB => StorageFault.Corrupt,
            SQLITE_IOERR or SQLITE_CANTOPEN or SQLITE_PROTOCOL => StorageFault.Unavailable,
            _ => null,
        },
        IOException io => (io.HResult & 0xFFFF) switch
        {
            NoSpace or DiskQuota or WindowsDiskFull => StorageFault.Full,
            ReadOnlyFileSystem => StorageFault.ReadOnly,
            _ => io is FileNotFoundException or DirectoryNotFoundException ? null : StorageFault.Unavailable,
        },
        UnauthorizedAccessException => StorageFault.ReadOnly,
        _ => null,
    };
}
